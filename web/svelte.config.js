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
    inlineStyleThreshold: 16 * 1024,
    // SvelteKit adds hashes or nonces for what it inlines itself; nothing else inline may run.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // SvelteKit's client sets a style attribute on its route announcer; attributes can
        // style but never run anything, and every element's content is escaped.
        'style-src-attr': ['unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none']
      }
    }
  }
};
