import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// The page-weight benchmark reads the client manifest.
		manifest: true,
		// Never inline scripts as data: URLs (the Content-Security-Policy allows only our own
		// origin, and a separate file is cached across pages).
		assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined)
	},
	server: { fs: { allow: ['..'] } }
});
