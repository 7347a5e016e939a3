/** Tailwind scans the page and its script for class names; nothing else is bundled. */
module.exports = {
  content: [
    '../src/main/resources/dev/pixelstep/local/web/index.html',
    '../src/main/resources/dev/pixelstep/local/web/app.js',
  ],
  theme: { extend: {} },
  plugins: [],
};
