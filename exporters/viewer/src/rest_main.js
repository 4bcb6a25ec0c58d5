// Entry point of viewer-ui.js (classic IIFE, loaded by rest_loader.js after the first frame).
// `three` and the modules the first script already holds come from window.VitrineShared
// (build.mjs maps them), so three.js is downloaded and parsed once.
import { ViewerApp } from './viewer_app.js';

window.VitrineRest = Object.freeze({ ViewerApp });
