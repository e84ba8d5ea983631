// Drives HeliosDB with node-postgres (npm "pg"); prints one JSON array of observations.
// Usage: node node-postgres-client.js <port>
const { Client } = require('pg');

async function main() {
  const port = Number(process.argv[2]);
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  const seen = [];
  await client.connect();
  await client.query('CREATE TABLE node_items (id integer primary key, name text, qty integer)');
  // Untyped parameters: node-postgres sends every value as text with type oid 0.
  const inserted = await client.query('INSERT INTO node_items VALUES ($1, $2, $3), ($4, $5, $6)',
    [1, 'apple', 3, 2, 'pear', 5]);
  seen.push('inserted ' + inserted.rowCount);
  const byId = await client.query('SELECT name, qty FROM node_items WHERE id = $1', [2]);
  seen.push('byId ' + byId.rows[0].name + ' ' + byId.rows[0].qty);
  try {
    await client.query('SELECT * FROM no_such_table WHERE id = $1', [1]);
    seen.push('no error');
  } catch (e) {
    seen.push('error ' + e.code);
  }
  // The next query on the same connection must get its own rows, not leftovers of the failed one.
  const after = await client.query('SELECT id FROM node_items WHERE qty > $1 ORDER BY id', [0]);
  seen.push('after ' + after.rows.map(r => r.id).join(','));
  // An error at Execute (not Parse): the rows of the next statements must still be their own.
  try {
    await client.query('SELECT id, qty / $1::int AS q FROM node_items ORDER BY id', [0]);
    seen.push('no error');
  } catch (e) {
    seen.push('execute error ' + e.code);
  }
  const byName = { name: 'by_qty', text: 'SELECT id FROM node_items WHERE qty >= $1 ORDER BY id' };
  seen.push('named ' + (await client.query({ ...byName, values: [4] })).rows.map(r => r.id).join(','));
  try {
    await client.query({ name: 'bad', text: 'SELECT $1::int AS n', values: ['not a number'] });
    seen.push('no error');
  } catch (e) {
    seen.push('bind error ' + e.code);
  }
  seen.push('named again ' + (await client.query({ ...byName, values: [0] })).rows.map(r => r.id).join(','));
  // Inside a transaction an error fails it (25P02) until ROLLBACK.
  await client.query('BEGIN');
  try {
    await client.query('INSERT INTO node_items VALUES ($1, $2, $3)', [1, 'dup', 1]);
  } catch (e) {
    seen.push('in block ' + e.code);
  }
  try {
    await client.query('SELECT 1');
  } catch (e) {
    seen.push('then ' + e.code);
  }
  await client.query('ROLLBACK');
  await client.query('BEGIN');
  await client.query('UPDATE node_items SET qty = $1 WHERE id = $2', [100, 1]);
  await client.query('ROLLBACK');
  await client.query('BEGIN');
  await client.query('DELETE FROM node_items WHERE name = $1', ['pear']);
  await client.query('COMMIT');
  const final = await client.query('SELECT id, qty FROM node_items ORDER BY id');
  seen.push('final ' + final.rows.map(r => r.id + ':' + r.qty).join(','));
  await client.end();
  console.log(JSON.stringify(seen));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
