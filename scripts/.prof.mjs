import { parse } from 'yaml'; import fs from 'fs';
let t=Date.now(); for (const v of ['2.7','2.8','2.9','2.10','2.11','2.12','2.13','2.14','2.15','2.16']) parse(fs.readFileSync(`/work/shared/intercom-openapi/${v}/api.intercom.io.yaml`,'utf8'), {maxAliasCount:-1}); console.log('parse ms', Date.now()-t);
