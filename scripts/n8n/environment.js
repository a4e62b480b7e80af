'use strict';
/**
 * The environment of a self-contained n8n instance: its own user folder, no telemetry, and its own task-broker port
 * (every n8n process opens a task broker, by default on 5679: a second n8n on the machine would clash).
 */
function n8nEnvironment(runtime, { userFolder, port, brokerPort, extra = {} }) {
	return {
		...process.env,
		PATH: runtime.pathEnv,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		// Only this machine can reach the instance unless the caller sets another address.
		N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		DB_TYPE: 'sqlite',
		...runtime.env,
		...extra,
	};
}

module.exports = { n8nEnvironment };
