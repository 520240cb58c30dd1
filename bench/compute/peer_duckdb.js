// Peer: DuckDB through its Node API (npm @duckdb/node-api), one scan of the CSV with GROUPING SETS; the
// sums are finished to mean and SE by compare.py.   node peer_duckdb.js DATA OUT SQLFILE
const { DuckDBInstance } = require('@duckdb/node-api');
const fs = require('fs');

const [, , data, out, sqlFile] = process.argv;
const tabs = ['sex', 'age_band', 'ethnicity', 'disability', 'religion', 'sexual_orientation', 'region'];

(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(fs.readFileSync(sqlFile, 'utf8'));
  const rows = reader.getRowObjects();
  const total = rows.find((r) => tabs.every((t) => r[t] === null));
  const lines = ['indicator,characteristic,group,n,sw,swy,sw2,sw2y,sw2y2,N'];
  for (const r of rows) {
    if (r === total) continue;
    let tab = tabs.find((t) => r[t] !== null);
    let group = r[tab];
    if (r.sex !== null && r.ethnicity !== null) {
      tab = 'sex*ethnicity';
      group = r.sex + '*' + r.ethnicity;
    }
    for (let k = 0; k < 20; ++k) {
      const a = (i) => String(r['a' + (6 * k + i)]);
      lines.push(['ind' + String(k + 1).padStart(2, '0'), tab, group, a(0), a(1), a(2), a(3), a(4), a(5),
                  String(total.nrows)].join(','));
    }
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
})();
