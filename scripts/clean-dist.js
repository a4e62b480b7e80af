// Removes dist/ before a build so that deleted sources never linger in the published package.
const fs = require('fs');
const path = require('path');
fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
