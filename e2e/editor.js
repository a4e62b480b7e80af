'use strict';
/**
 * The editor check in a real browser: Chromium (Debian's, driven by playwright-core) opens the running n8n, creates
 * the owner account, opens the "Ask (simple prompt)" example, opens the NanoGPT node and checks that its operations
 * and parameters render; then opens the AI Agent example and screenshots its canvas (AI Agent with the NanoGPT Chat
 * Model and the Calculator); then the screenshots a user wants to see: the NanoGPT actions in the node panel, the
 * Model list with prices, and Image > Create run from the editor with its image previewed. Screenshots go to
 * docs/screenshots/ (n8n 2.x).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureChromium, CHROMIUM_ARGS } = require('../scripts/n8n/chromium');
const { PROJECT_ROOT } = require('../scripts/n8n/paths');
const { demoRoutes } = require('./fakeNanoGptServer');

/** The README shows the screenshots of the default n8n line; other lines write theirs to test-results/ (git-ignored). */
function screenshotsDir(line) {
	return line === '2' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : path.join(PROJECT_ROOT, 'test-results', `screenshots-n8n-${line}`);
}
const EXAMPLE_ID = 'nanogptAskSimple';
const NODE_NAME = 'Summarize';
const AGENT_EXAMPLE_ID = 'nanogptAiAgent';
const AGENT_EXAMPLE_NODES = ["When clicking 'Execute workflow'", 'AI Agent', 'NanoGPT Chat Model', 'Calculator'];

async function createOwner(page, origin, owner) {
	await page.goto(`${origin}/setup`);
	await page.locator('input[name="email"]').fill(owner.email);
	await page.locator('input[name="firstName"]').fill(owner.firstName);
	await page.locator('input[name="lastName"]').fill(owner.lastName);
	await page.locator('input[name="password"]').fill(owner.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/setup'), { timeout: 90_000 });
}

async function openNode(page, origin) {
	await page.goto(`${origin}/workflow/${EXAMPLE_ID}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	await node.waitFor({ timeout: 60_000 });
	await node.dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 60_000 });
	return panel;
}

/** Opens the AI Agent example; every node is on the canvas and the chat model is connected (no "missing" warning). */
async function openAgentCanvas(page, origin) {
	await page.goto(`${origin}/workflow/${AGENT_EXAMPLE_ID}`);
	for (const name of AGENT_EXAMPLE_NODES) {
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).waitFor({ timeout: 60_000 });
	}
	const chatModel = page.locator('[data-test-id="canvas-node"][data-node-name="NanoGPT Chat Model"]');
	assert.ok((await chatModel.innerText()).includes('NanoGPT Chat Model'), 'the sub-node shows its name on the canvas');
	// n8n marks a node whose type it does not know with a "not installed" state; the sub-node must render normally.
	assert.equal(await page.locator('text=/Install this node to use it|node is not currently installed/i').count(), 0);
	// Let the canvas finish its zoom-to-fit before the screenshot.
	await page.waitForTimeout(1000);
}

async function dropdownOptions(page, panel, parameterName) {
	await panel.locator(`[data-test-id="parameter-input-${parameterName}"]`).click();
	const options = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
	await options.first().waitFor({ timeout: 10_000 });
	const labels = (await options.allInnerTexts()).map((text) => text.split('\n')[0].trim());
	await page.keyboard.press('Escape');
	// Wait for the list to close, so the next dropdown's options are not mixed with this one's.
	const openLists = page.locator('.el-select-dropdown:visible');
	for (let waited = 0; (await openLists.count()) > 0; waited += 100) {
		if (waited > 10_000) throw new Error(`The ${parameterName} list did not close`);
		await page.waitForTimeout(100);
	}
	return labels;
}

/** The node panel (the "+" button), searched for NanoGPT, with the NanoGPT node's actions open. */
async function showActions(page, origin) {
	await page.goto(`${origin}/workflow/${EXAMPLE_ID}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.locator('[data-test-id="node-creator-plus-button"], [data-test-id="canvas-plus-button"]').first().click();
	await page.waitForTimeout(1000);
	await page.keyboard.type('NanoGPT', { delay: 50 });
	// The NanoGPT node itself, not its Chat Model or Embeddings sub-nodes (their names start with "NanoGPT" too).
	const item = page.locator('[data-test-id="item-iterator-item"]').filter({ hasText: 'Use hundreds of AI models through the NanoGPT API' }).first();
	await item.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(500);
	await item.click();
	try {
		await page.getByText('Get the account balance').first().waitFor({ timeout: 30_000 });
	} catch (error) {
		await page.screenshot({ path: path.join(os.tmpdir(), 'n8n-nanogpt-actions-failure.png') });
		throw error;
	}
	// The panel renders the actions grouped by resource, alphabetically (Account first), and only those in view.
	const heading = await page.getByText(/^Actions \(\d+\)$/).first().textContent();
	assert.ok(Number(/\d+/.exec(heading)[0]) >= 34, `the panel lists all actions (${heading})`);
	for (const action of ['Get the account balance', 'Create speech from text']) {
		assert.ok((await page.getByText(action).count()) > 0, `the actions include "${action}"`);
	}
	// Further down: scroll the list until the Text actions show.
	const box = await page.getByText('Get the account balance').first().boundingBox();
	for (let step = 0; step < 40 && (await page.getByText('Ask a model').count()) === 0; step++) {
		await page.mouse.move(box.x + 20, box.y + 20);
		await page.mouse.wheel(0, 400);
		await page.waitForTimeout(150);
	}
	assert.ok((await page.getByText('Ask a model').count()) > 0, 'the actions include "Ask a model"');
	await page.mouse.wheel(0, -100_000);
	await page.waitForTimeout(500);
}

/** Opens the Model list of the Ask example's node: the live catalogue with prices. */
async function showModelList(page, origin) {
	const panel = await openNode(page, origin);
	await panel.locator('[data-test-id="parameter-input-model"] [data-test-id="rlc-input"]').click();
	const priced = page.getByText('GPT-4o mini ($0.15 / $0.6 per 1M tokens)');
	await priced.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(500);
}

/** Runs the Image > Create example from the editor and opens the generated image in the output panel. */
async function showImageOutput(page, origin) {
	await page.goto(`${origin}/workflow/nanogptImageCreate`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	const node = page.locator('[data-test-id="canvas-node"][data-node-name="Create Product Image"]');
	// n8n marks a node that ran successfully with a check mark; the run takes a few seconds.
	await page.waitForTimeout(3000);
	await node.dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 60_000 });
	const view = panel.getByRole('button', { name: 'View' }).first();
	await view.waitFor({ timeout: 60_000 });
	assert.ok((await panel.innerText()).includes('image/png'), 'the output holds a PNG file');
	await view.click();
	await panel.locator('img, iframe, embed').first().waitFor({ timeout: 15_000 });
	await page.waitForTimeout(1000);
}

async function runEditorCheck(harness, { origin, owner, line = '2', server }) {
	const screenshots = screenshotsDir(line);
	let chromium;
	let executablePath;
	try {
		({ chromium } = require('playwright-core'));
		executablePath = ensureChromium();
	} catch (error) {
		harness.fail('editor check: Chromium and playwright-core are available', error);
		return;
	}
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nanogpt-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
	});
	const page = context.pages()[0] || (await context.newPage());
	// A first page load on a busy 2-core CI machine can take well over Playwright's default 30 s.
	page.setDefaultTimeout(90_000);
	try {
		await harness.test('editor: the owner account is created in the setup form', () => createOwner(page, origin, owner));

		let panel;
		await harness.test('editor: the example workflow opens and the NanoGPT node panel shows its parameters', async () => {
			panel = await openNode(page, origin);
			for (const parameter of ['resource', 'operation', 'model', 'promptMode', 'systemPrompt', 'prompt', 'responseFormat', 'simplify']) {
				await panel.locator(`[data-test-id="parameter-input-${parameter}"]`).first().waitFor({ timeout: 15_000 });
			}
			const text = await panel.innerText();
			for (const label of ['Resource', 'Operation', 'Model', 'Prompt Mode', 'System Prompt', 'Prompt', 'Response Format', 'Simplify Output', 'Options']) {
				assert.ok(text.includes(label), `the node panel shows "${label}"`);
			}
			fs.mkdirSync(screenshots, { recursive: true });
			await page.screenshot({ path: path.join(screenshots, 'node-panel.png') });
			await panel.locator('[data-test-id="node-parameters"], .parameter-input-list-wrapper').first().screenshot({
				path: path.join(screenshots, 'ask-parameters.png'),
			});
		});

		await harness.test('editor: the Resource and Operation lists show the NanoGPT resources and text operations', async () => {
			assert.ok(panel, 'the node panel is open');
			const resources = await dropdownOptions(page, panel, 'resource');
			for (const resource of ['Account', 'Audio', 'Image', 'Model', 'Text', 'Video']) {
				assert.ok(resources.includes(resource), `resources include ${resource}: ${resources}`);
			}
			const operations = await dropdownOptions(page, panel, 'operation');
			for (const operation of ['Ask', 'Complete']) assert.ok(operations.includes(operation), `operations include ${operation}: ${operations}`);
		});

		await harness.test('editor: the AI Agent example shows the NanoGPT Chat Model and the Calculator on the canvas', async () => {
			await page.keyboard.press('Escape');
			await openAgentCanvas(page, origin);
			fs.mkdirSync(screenshots, { recursive: true });
			await page.screenshot({ path: path.join(screenshots, 'ai-agent.png') });
		});

		// The screenshots for the README, taken on the current n8n line (its editor's selectors).
		if (line !== '2') return;

		await harness.test('editor: the node panel lists the NanoGPT actions', async () => {
			await page.keyboard.press('Escape');
			await showActions(page, origin);
			await page.screenshot({ path: path.join(screenshots, 'actions.png') });
		});

		await harness.test('editor: the Model list shows the live catalogue with prices', async () => {
			await showModelList(page, origin);
			await page.screenshot({ path: path.join(screenshots, 'model-list.png') });
			await page.keyboard.press('Escape');
		});

		if (server) {
			await harness.test('editor: Image > Create runs from the editor and its image is previewed', async () => {
				// The picture the demo serves, so the screenshot shows an image rather than a single pixel.
				server.on('POST', '/v1/images/generations', demoRoutes(server)['POST /v1/images/generations']);
				try {
					await showImageOutput(page, origin);
					await page.screenshot({ path: path.join(screenshots, 'image-output.png') });
				} finally {
					server.reset();
				}
			});
		}
	} finally {
		await context.close();
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

module.exports = { runEditorCheck };
