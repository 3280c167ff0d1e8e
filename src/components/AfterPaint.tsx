/** Renders its content once the page has been painted without it (see useAfterPaint). */
import type { ReactNode } from 'react';
import { useAfterPaint } from './use-revealed';

export function AfterPaint({ children }: { children: () => ReactNode }) {
  return useAfterPaint() ? children() : null;
}
