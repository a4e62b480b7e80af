// After `npm install` regenerates package-lock.json: drop optional dependencies that have no entry in the lock.
// The npm registry reachable from this project's build machines lacks unrs-resolver's bindings for other
// platforms (a jest dependency); npm leaves them listed but unresolved, and `npm ci` then refuses the lock.
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let removed = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
	if (!entry.optionalDependencies) continue;
	for (const dependency of Object.keys(entry.optionalDependencies)) {
		const nested = key ? `${key}/node_modules/${dependency}` : `node_modules/${dependency}`;
		if (!lock.packages[nested] && !lock.packages[`node_modules/${dependency}`]) {
			delete entry.optionalDependencies[dependency];
			removed++;
		}
	}
	if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`removed ${removed} unresolvable optional dependencies from package-lock.json`);
