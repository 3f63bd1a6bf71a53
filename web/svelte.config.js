import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ config: 'wrangler.adapter.jsonc' }),
    alias: {
      $schema: '../schema',
      $server: '../worker'
    },
    // Respondent pages ship no framework runtime; inlining the small stylesheet saves a
    // round trip on poor signal.
    inlineStyleThreshold: 16 * 1024
  }
};
