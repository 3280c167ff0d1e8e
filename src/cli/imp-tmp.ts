import { readFileSync } from 'node:fs';
import { importFiles } from '../import/import-files';
import { tableFromDataset } from '../domain/table/from-school-years';
const bytes = readFileSync('/work/main/data-national/dataset.csv');
for (let i = 0; i < 4; i++) {
  const t0 = performance.now();
  const r = importFiles([{ name: 'national.csv', bytes: new Uint8Array(bytes) }]);
  const t1 = performance.now();
  const t = tableFromDataset(r.dataset);
  const t2 = performance.now();
  console.log('import', (t1 - t0).toFixed(0), 'table', (t2 - t1).toFixed(0), t.n);
}
