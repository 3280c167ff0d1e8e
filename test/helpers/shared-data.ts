import { describe } from 'vitest';
import { sharedDataPresent, SHARED_DATA } from '../../src/cli/build/sources';

/** describe() for tests on the real files in ../shared/data: skipped, saying why, when absent. */
export const describeWithSharedData: typeof describe = sharedDataPresent()
  ? describe
  : (((name: string) =>
      describe.skip(
        `${name} (skipped: no real data at ${SHARED_DATA})`,
      )) as unknown as typeof describe);
