import { readFileSync } from 'node:fs';
import { importFiles } from '../import/import-files';
const bytes = readFileSync('public/data/demo/dataset.csv');
const r = importFiles([{ name: 'demo.csv', bytes: new Uint8Array(bytes) }]);
console.log(JSON.stringify(r.reports, null, 1).slice(0, 3000));
console.log(JSON.stringify(r.dataset.sources).slice(0, 500), r.dataset.extraColumns);
