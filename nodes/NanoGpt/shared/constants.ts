export { CREDENTIAL_TYPE } from '../../shared/nanoGptHttp';
