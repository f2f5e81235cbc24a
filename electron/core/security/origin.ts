/** The one origin rule lives in shared (main, core and renderer all compare origins). */
export { originOf } from '../../../shared/url-rules';
