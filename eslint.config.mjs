// Lints nodes/, credentials/ and package.json the way n8n's verification scanner
// (@n8n/scan-community-package) does: @n8n/eslint-plugin-community-nodes "recommended"
// plus the eslint-plugin-n8n-nodes-base "community", "credentials" and "nodes" rule sets.
import tsParser from '@typescript-eslint/parser';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const withoutRules = (rules, names) =>
	Object.fromEntries(Object.entries(rules).filter(([name]) => !names.includes(name)));

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'bench/**', 'e2e/**', '.n8n-data/**'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...n8nCommunityNodes.configs.recommended,
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
		rules: { ...n8nCommunityNodes.configs.recommended.rules, 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: withoutRules(n8nNodesBase.configs.credentials.rules, [
			'n8n-nodes-base/cred-class-field-documentation-url-miscased',
			'n8n-nodes-base/cred-class-field-type-options-password-missing',
		]),
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: withoutRules(n8nNodesBase.configs.nodes.rules, [
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node',
			'n8n-nodes-base/node-class-description-outputs-wrong',
			'n8n-nodes-base/node-param-type-options-max-value-present',
		]),
	},
];
