// Regenerates the Breton subset of communes and EPCI from the npm package
// @etalab/decoupage-administratif.
//
// Usage: node scripts/refresh-reference-data.mjs <package-dir> <output-dir>
//
// The package's data files are read directly (data/communes.json and
// data/epci.json): its index.js resolves ./data from the working directory,
// so it must not be imported.
//
// Output format (matches the files shipped in
// src/TrajectoirEss.Infrastructure/ReferenceData): UTF-8 without BOM,
// comma-separated, CRLF line endings, fields quoted only when they contain a
// comma, a double quote or a line break.

import fs from 'node:fs';
import path from 'node:path';

const REGION_BRETAGNE = '53';
const EOL = '\r\n';

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: node refresh-reference-data.mjs <package-dir> <output-dir>');
  process.exit(2);
}

const [packageDir, outputDir] = process.argv.slice(2);
if (!packageDir || !outputDir) usage();

function readJson(relative) {
  const file = path.join(packageDir, relative);
  if (!fs.existsSync(file)) usage(`${file} not found (is ${packageDir} the package directory?)`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const communes = readJson('data/communes.json');
const epcis = readJson('data/epci.json');

function csvField(value) {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header, rows) {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join(EOL) + EOL;
}

// Plain code-unit comparison, independent of the machine's locale.
function compare(a, b) {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

// Current communes of all France, indexed by INSEE code (used to tell which
// members of an EPCI are in Brittany).
const currentCommunes = new Map(
  communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]),
);

// EPCI of each commune.
const epciOfCommune = new Map();
for (const epci of epcis) {
  for (const member of epci.membres ?? []) {
    epciOfCommune.set(member.code, epci);
  }
}

const bretonCommunes = [...currentCommunes.values()]
  .filter((c) => c.region === REGION_BRETAGNE)
  .sort((a, b) => compare(a.code, b.code));

const communeRows = bretonCommunes.map((c) => {
  const epci = epciOfCommune.get(c.code);
  return [
    c.code,
    c.nom,
    c.departement,
    (c.codesPostaux ?? []).join(' '),
    epci?.code ?? '',
    epci?.nom ?? '',
    c.population ?? '',
  ];
});

const epciRows = epcis
  .map((epci) => {
    const members = epci.membres ?? [];
    const inBretagne = members.filter(
      (m) => currentCommunes.get(m.code)?.region === REGION_BRETAGNE,
    ).length;
    return { epci, inBretagne, outside: members.length - inBretagne };
  })
  .filter((e) => e.inBretagne > 0)
  .sort((a, b) => compare(a.epci.nom, b.epci.nom) || compare(a.epci.code, b.epci.code))
  .map(({ epci, inBretagne, outside }) => [
    epci.code,
    epci.nom,
    epci.type,
    inBretagne,
    outside,
    epci.populationTotale ?? '',
  ]);

fs.mkdirSync(outputDir, { recursive: true });

const communesFile = path.join(outputDir, 'communes-bretagne.csv');
fs.writeFileSync(
  communesFile,
  csv(['code_insee', 'nom', 'departement', 'codes_postaux', 'epci_siren', 'epci_nom', 'population'], communeRows),
);

const epciFile = path.join(outputDir, 'epci-bretagne.csv');
fs.writeFileSync(
  epciFile,
  csv(['siren', 'nom', 'type', 'communes_bretonnes', 'communes_hors_bretagne', 'population_totale'], epciRows),
);

const withoutEpci = communeRows.filter((r) => r[4] === '').map((r) => `${r[0]} ${r[1]}`);
console.log(`${communesFile}: ${communeRows.length} communes`);
console.log(`${epciFile}: ${epciRows.length} EPCI`);
if (withoutEpci.length > 0) console.log(`communes without EPCI: ${withoutEpci.join(', ')}`);
