/** The draft being edited, its update function and its validation messages by field path. */
import { createContext, useContext } from 'react';
import type { ClauseUse } from '../../domain/engine/clause-use';
import type { RuleSet } from '../../domain/rules/schema';
import type { Path } from './update';

export interface Editor {
  draft: RuleSet;
  update: (path: Path, value: unknown) => void;
  /** Message for exactly this field path, if any. */
  errorAt: (path: Path) => string | undefined;
  /** How often the draft's clauses fire on the loaded data (the year on screen), when known. */
  use?: ClauseUse;
  /** The year that use is counted over. */
  year?: string;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const e = useContext(EditorContext);
  if (!e) throw new Error('useEditor outside the rules editor');
  return e;
}
