// @vitest-environment jsdom
/** The app's one fetch: a server that never answers is given up on, with a message that says so. */
import { describe, expect, it } from 'vitest';
import { failures } from '../../mocks/handlers/data';
import { server } from '../../mocks/node';
import { fetchText } from '../../src/api/fetch-text';

describe('fetching with a time limit', () => {
  it('gives up on a stalled server and says why', async () => {
    server.use(...(failures['dataset-stalled'] ?? []));
    await expect(fetchText('data/demo/dataset.json', 'the demo dataset', 1000)).rejects.toThrow(
      /Could not load the demo dataset \(data\/demo\/dataset\.json\): no answer within 1 s/,
    );
  });
});
