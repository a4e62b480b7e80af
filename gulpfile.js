const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// Icons are referenced from nodes/ and credentials/ as file:../../icons/*.svg, so the
// top-level icons/ folder is copied next to the compiled nodes and credentials.
function copyIcons() {
	return src('icons/*.{png,svg}', { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
}

function copyNodeAssets() {
	return src('nodes/**/*.{png,svg}', { encoding: false, allowEmpty: true }).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyNodeAssets));
