// The rest of the viewer (viewer-ui.js, loaded after the first frame): the wiring between
// loading, hotspots, panels, tours, kiosk, XR and the trust check, around the renderer, scene,
// camera and models that the first script (view_core.js) has already drawn.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { DAMPING_FACTOR, MIN_DISTANCE, MAX_DISTANCE, KEY_ROTATE_SPEED, KEY_PAN_SPEED } from './orbit_settings.js';
import { ViewCore } from './view_core.js';
import { prefersReducedMotion } from './camera_flight.js';
import { Hotspots } from './hotspots.js';
import { AnnotationPanel, audioElement, releaseAudio, liveCaptionUrls } from './annotation_panel.js';
import { TourPlayer } from './tour_player.js';
import { KioskMode } from './kiosk_mode.js';
import { XRSession } from './xr_session.js';
import { XRPanel } from './xr_panel.js';
import { ViewerUI } from './ui.js';
import { shortFingerprint } from './publisher_trust.js';
import { mediaState, verifyMedia } from './media_gate.js';
import { MeasureTape } from './measure_tape.js';
import { DeepLinks } from './deep_links.js';
import { installPhoneAR } from './ar_quicklook.js';
import { QRHandoff } from './qr_handoff.js';
import { Announcer, artifactText, captionsBox } from './a11y.js';

const _box = new THREE.Box3();

export class ViewerApp extends ViewCore {
  /**
   * Make the first script's ViewCore `view` a ViewerApp (the same object: its renderer, scene,
   * levels, timings and listeners stay) and build the interface around its canvas.
   */
  static upgrade(view) {
    Object.setPrototypeOf(view, ViewerApp.prototype);
    view.attachUI();
    return view;
  }

  attachUI() {
    const { root, doc, mode, L: language, check, closed } = this;
    const canvas = this.renderer.domElement;
    this.annotations = new Map((doc.annotations || []).map((a) => [a.id, a]));
    this.openId = null;
    this.ui = new ViewerUI(root, { language, doc, kiosk: this.kiosk, actions: this.actions(), stage: this.stage });
    this.a11y = new Announcer(root, { language, doc, onShowArtifact: (id) => this.showArtifact(id) });
    if (closed) root.classList.add('vt-closed');
    // A kiosk over http shows a picture or sound only once its bytes match the signed manifest.
    this.refusedMedia = [];
    this.media = this.kiosk && !closed && mode === 'fetch' ? verifyMedia(check, doc).then(({ refused }) => {
      this.refusedMedia = refused;
      this.panel.render();
      this.showVerification();
    }) : Promise.resolve();
    this.attachControls(canvas);
    canvas.setAttribute('aria-describedby', this.a11y.summary.id);
    // Arrow keys turn the view (OrbitControls): say so once the keys stop, not on every frame.
    canvas.addEventListener('keydown', (e) => {
      if (!/^Arrow/.test(e.key)) return;
      clearTimeout(this.turnTimer);
      this.turnTimer = setTimeout(() => this.a11y.say(this.L.label('cameraTurned')), 700);
    });
    this.hotspots = new Hotspots({
      layer: this.ui.hotspotLayer, doc, groups: this.groups, camera: this.camera, language,
      onOpen: (id, button) => { this.returnFocus = button; this.openAnnotation(id); },
      occluders: () => [...this.levels.meshes(), ...this.plinths],
    });
    this.panel = new AnnotationPanel(this.ui.panel, language, { kiosk: this.kiosk, onClose: () => this.closeAnnotation() });
    this.tour = new TourPlayer(doc, {
      showStep: (step, index, tour) => this.showTourStep(step, index, tour),
      clearStep: () => this.clearTourStep(),
      setAudioPlaying: (on) => this.setTourAudio(on),
    });
    this.xrPanel = new XRPanel();
    this.xr = new XRSession({
      renderer: this.renderer, scene: this.scene, exhibitRoot: this.exhibitRoot, groups: this.groups, hotspots: this.hotspots,
      panel: this.xrPanel, envObjects: this.env.floor ? [this.env.floor] : [], overlayRoot: root,
      hooks: {
        openAnnotation: (id) => this.openAnnotation(id),
        closeAnnotation: () => this.closeAnnotation(),
        onSqueeze: () => (this.tour.active ? this.tour.next() : this.tour.tours.length && this.startTour(this.tour.tours[0].id)),
        measureSelect: (controller) => this.tape.selectWithController(controller),
      },
    });
    this.tape = new MeasureTape(this);
    this.wireEvents();
    // The tour bar's height, for the phone layout that stacks the annotation panel above it (viewer.css).
    new ResizeObserver(() => root.style.setProperty('--vt-tourbar-h', `${this.ui.tourBar.offsetHeight}px`)).observe(this.ui.tourBar);
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.openId) this.closeAnnotation();
    });
    if (this.kiosk) {
      this.kioskMode = new KioskMode(doc, {
        reset: () => this.resetForNextVisitor(),
        startAttract: (kind) => this.startAttract(kind),
        stopAttract: () => this.stopAttract(),
      });
      this.kioskMode.install(root);
      for (const name of ['attractstart', 'attractend']) this.kioskMode.addEventListener(name, (e) => this.emit(name, e.detail));
    }
    if (this.kiosk && !closed) new QRHandoff(this).install();
    this.relabel();
    // What happened before the interface existed: first models that failed to load.
    for (const id of this.loadErrors.splice(0)) this.onLoadError(id);
    this.timings.restAt = performance.now();
  }

  /** OrbitControls in place of the first script's fixed view, looking at the same target. */
  attachControls(canvas) {
    const target = this.controls.target;
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.target.copy(target);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = DAMPING_FACTOR;
    this.controls.listenToKeyEvents(canvas);
    this.controls.keyRotateSpeed = KEY_ROTATE_SPEED;
    this.controls.keyPanSpeed = KEY_PAN_SPEED;
    this.controls.autoRotateSpeed = 0.6;
    this.controls.maxDistance = MAX_DISTANCE;
    this.controls.addEventListener('change', () => this.requestRender());
    this.controls.addEventListener('start', () => this.flight.cancel());
    this.flight.controls = this.controls;
    this.controls.update();
  }

  mediaState() { return mediaState(); }
  liveCaptionUrls() { return liveCaptionUrls(); }

  actions() {
    return {
      setLanguage: (tag) => this.setLanguage(tag),
      openAnnotation: (id, returnTo) => { this.returnFocus = returnTo || null; this.openAnnotation(id); },
      startTour: (id) => this.startTour(id),
      previousStep: () => this.tour.previous(),
      nextStep: () => this.tour.next(),
      togglePause: () => (this.tour.paused ? this.tour.resume() : this.tour.pause()),
      endTour: () => this.tour.stop(),
      resetView: () => this.goToViewpoint(this.startViewpoint(), { all: true, say: true }),
      toggleXR: (kind) => (this.xr.presenting ? this.xr.exit() : this.xr.enter(kind).catch((err) => this.ui.showNotice(String(err.message || err)))),
    };
  }

  onRefused() { this.showRefused(); this.requestRender(true); }
  onLoadError(artifactId) {
    const a = this.artifacts.get(artifactId);
    this.ui.showNotice(this.L.label('loadFailed', { name: (a && a.name) || artifactId }));
  }
  onVerification(detail) { this.showVerification(); this.emit('verification', detail); }

  wireEvents() {
    for (const name of ['tourstart', 'tourstep', 'tourend']) this.tour.addEventListener(name, (e) => this.emit(name, e.detail));
    this.tour.addEventListener('tourend', () => this.a11y.say(this.L.label('tourEnded')));
    this.tour.addEventListener('tourpause', () => this.ui.setPaused(true));
    this.tour.addEventListener('tourresume', () => this.ui.setPaused(false));
    this.xr.addEventListener('xrstart', (e) => {
      this.ui.setXRMode(e.detail.mode);
      if (e.detail.mode === 'immersive-ar') { this.ui.hint.textContent = this.L.label('arHint'); this.ui.hint.classList.add('vt-hint-ar'); }
      this.emit('xrstart', e.detail);
    });
    const clearHint = () => { this.ui.hint.classList.remove('vt-hint-ar'); this.ui.hint.textContent = this.L.label('touchHint'); };
    this.xr.addEventListener('arplace', clearHint);
    this.xr.addEventListener('xrend', clearHint);
    this.xr.addEventListener('xrend', (e) => { this.ui.setXRMode(null); this.resize(true); this.requestRender(true); this.emit('xrend', e.detail); });
    this.xr.addEventListener('arplace', (e) => this.emit('arplace', e.detail));
  }

  /** After showFirst (view_core.js) and attachUI: check the page's files, say ready, load finer levels. */
  async start() {
    this.xr.probe().then((s) => { this.ui.setXRSupport(s); this.phoneAR = installPhoneAR(this, s); });
    if (!this.closed) { this.deepLinks = new DeepLinks(this); this.deepLinks.install(); }
    // Re-downloading the page's own files to hash them would share a slow link with the
    // first models: check them once those are drawn (a kiosk did before).
    const firstChecks = this.levels.checks.slice();
    this.ui.setProgress(1);
    this.fitCameraLimits();
    this.requestRender(true);
    await this.renderNow();
    const pageCheck = this.kiosk ? Promise.resolve() : this.check.checkDocument(this.docBytes);
    // The web profile is ready once it is shown and interactive; its trust outcome (badge,
    // vitrine.verified) follows. A kiosk got here only after its whole check (main.js).
    Promise.all([this.check.ready, pageCheck, ...firstChecks].map((p) => Promise.resolve(p).catch(() => {})))
      .then(() => this.media).catch(() => {})
      .then(() => { this.timings.verifiedAt = performance.now(); this.api._verifiedDone(); });
    this.timings.ready = performance.now() - this.timings.start;
    this.timings.readyAt = performance.now();
    this.levels.loadFiner().then(() => this.requestRender(true));
  }

  frame(time, frame) {
    const now = performance.now();
    if (this.xr.presenting) {
      this.xr.onFrame(frame);
      this.renderer.render(this.scene, this.camera);
      return;
    }
    if (this.flight.tick(now)) this.needsRender = true;
    if (this.controls.update()) this.needsRender = true;
    if (this.controls.autoRotate) this.needsRender = true;
    if (!this.needsRender || this.holdFrames) { this.hotspots.update(this.width, this.height, now, false); return; }
    this.needsRender = false;
    const forced = this.forceHotspots;
    this.forceHotspots = false;
    this.drawFrame(now, () => {
      this.hotspots.update(this.width, this.height, now, forced);
      this.tape.update();
    });
  }

  /** Shift the picture away from the open panel so the subject stays in view. */
  updateViewOffset() {
    const panel = this.ui.panel;
    const w = this.width, h = this.height;
    // the panel stands at the inline end: the right, or the left in a right-to-left language
    const side = document.documentElement.dir === 'rtl' ? -1 : 1;
    if (!panel.hidden && w > h) this.camera.setViewOffset(w, h, side * Math.min(panel.offsetWidth / 2, w / 4), 0, w, h);
    else if (!panel.hidden) this.camera.setViewOffset(w, h, 0, Math.min(panel.offsetHeight / 2, h / 4), w, h);
    else this.camera.clearViewOffset();
    this.camera.updateProjectionMatrix();
    this.requestRender(true);
  }

  fitCameraLimits() {
    this.controls.minDistance = MIN_DISTANCE;
  }

  /** opts.say: announce the new view (its name, or opts.say when a string) once the flight ends. */
  goToViewpoint(vp, opts = {}) {
    if (!vp || this.xr.presenting) return Promise.resolve();
    const flown = this.flight.flyTo(this.withSubjects(vp, !!opts.all), opts);
    if (opts.say) {
      const name = typeof opts.say === 'string' ? opts.say : this.L.text(vp.name) || this.L.text(this.doc.title);
      Promise.resolve(flown).then(() => this.a11y.say(this.L.label('cameraView', { name })));
    }
    return flown;
  }

  /** Frame one artifact (the objects list: a text way to each object), from in front of its bounds. */
  showArtifact(id) {
    const group = this.groups.get(id), a = this.artifacts.get(id);
    if (!group || !a) throw new Error(`No such artifact: ${id}`);
    _box.makeEmpty().expandByObject(group);
    if (_box.isEmpty()) {
      const t = (a.transform && a.transform.translation) || [0, 0, 0];
      _box.setFromCenterAndSize(new THREE.Vector3(...t), new THREE.Vector3(0.5, 0.5, 0.5));
    }
    const c = _box.getCenter(new THREE.Vector3());
    const r = Math.max(0.1, _box.getSize(new THREE.Vector3()).length() / 2);
    const vp = { id: null, eye: [c.x, c.y + r * 0.4, c.z + r * 2.6], target: c.toArray(), fov: 0.8 };
    return this.goToViewpoint(vp, { say: artifactText(a, this.L) });
  }

  /** Where opening an annotation flies: its viewpoint, else the view the exporter framed for it
   * (exporters/document/visitor_rules.py; the editor's preview uses the same function). */
  annotationViewpoint(a) {
    if (a.viewpoint_id && this.viewpoints.has(a.viewpoint_id)) return this.viewpoints.get(a.viewpoint_id);
    return a.view || null;
  }

  openAnnotation(id, { fromTour = false } = {}) {
    const a = this.annotations.get(id);
    if (!a) throw new Error(`No such annotation: ${id}`);
    if (!fromTour && this.tour.active && !this.tour.paused) this.tour.pause();
    // Focus goes back where it was when the panel closes (a hotspot, the list's toggle, a button).
    const active = document.activeElement;
    if (!fromTour && !this.returnFocus && active && active !== document.body && !this.ui.panel.contains(active)) this.returnFocus = active;
    this.openId = id;
    if (this.xr.presenting) {
      this.showXRPanel({ title: this.L.text(a.title), body: this.L.text(a.body) }, id);
    } else {
      if (!fromTour) this.goToViewpoint(this.annotationViewpoint(a));
      this.panel.show(a, this.artifacts.get(a.artifact_id), { focus: !fromTour });
      this.updateViewOffset();
    }
    this.tape.showSaved(a.measurement || null);
    this.emit('annotationopen', { id });
  }

  closeAnnotation() {
    if (!this.openId) return;
    const id = this.openId;
    this.openId = null;
    this.panel.hide();
    this.xrPanel.hide();
    this.tape.showSaved(null);
    this.updateViewOffset();
    const back = this.returnFocus;
    this.returnFocus = null;
    const inPanel = !document.activeElement || document.activeElement === document.body || this.ui.panel.contains(document.activeElement);
    if (back && back.isConnected && back.getClientRects().length && !back.classList.contains('vt-hidden')) back.focus({ preventScroll: true });
    else if (inPanel && !this.tour.active) this.renderer.domElement.focus({ preventScroll: true }); // never lost to <body>
    this.emit('annotationclose', { id });
  }

  showXRPanel(content, annotationId) {
    const wp = annotationId ? this.hotspots.worldPoint(annotationId) : null;
    const head = this.renderer.xr.getCamera().getWorldPosition(new THREE.Vector3());
    const anchor = wp ? wp.point : head.clone().add(new THREE.Vector3(0, -0.2, -1).applyQuaternion(this.renderer.xr.getCamera().quaternion));
    const { position, lookAt } = this.xr.panelPlacement(anchor);
    this.xrPanel.show(content, position, lookAt);
  }

  startTour(id) { this.closeAnnotation(); this.tour.start(id); }

  showTourStep(step, index, tour) {
    const L = this.L;
    this.ui.tourBar.hidden = false;
    this.ui.setPaused(this.tour.paused);
    this.ui.tourTitle.textContent = L.text(tour.title);
    this.ui.tourStep.textContent = L.label('stepOf', { n: index + 1, total: tour.steps.length });
    this.ui.narration.textContent = L.text(step.narration);
    const a0 = step.annotation_id && this.annotations.get(step.annotation_id);
    this.a11y.say(L.label('tourStepSaid', { tour: L.text(tour.title), n: index + 1, total: tour.steps.length,
      text: L.text(step.narration) || (a0 ? L.text(a0.title) : '') }));
    this.setTourAudio(false);
    // One AbortController per step: the step's audio listeners end with it.
    this.releaseTourAudio();
    this.stepState = new AbortController();
    const audio = audioElement(L.pick(step.audio), L.current, L.displayName(L.current), { signal: this.stepState.signal });
    this.ui.tourAudio.replaceChildren(...(audio ? [audio, captionsBox(audio, L.current)].filter(Boolean) : []));
    if (audio && !this.tour.paused) audio.play().catch(() => {});
    if (step.annotation_id && this.annotations.has(step.annotation_id)) this.openAnnotation(step.annotation_id, { fromTour: true });
    else this.closeAnnotation();
    if (step.measurement) this.tape.showSaved(step.measurement); // the step's own, over its annotation's
    if (this.xr.presenting) {
      const a = step.annotation_id && this.annotations.get(step.annotation_id);
      this.showXRPanel({ title: a ? L.text(a.title) : L.text(tour.title), body: L.text(step.narration) || (a ? L.text(a.body) : ''),
        footer: L.label('stepOf', { n: index + 1, total: tour.steps.length }) }, a ? a.id : null);
      return Promise.resolve();
    }
    // A step without a viewpoint shows its annotation's view (the same rule as the preview).
    const a = step.annotation_id && this.annotations.get(step.annotation_id);
    return this.goToViewpoint(this.viewpoints.get(step.viewpoint_id) || (a ? this.annotationViewpoint(a) : null));
  }

  clearTourStep() {
    this.setTourAudio(false);
    this.ui.tourBar.hidden = true;
    this.releaseTourAudio();
    this.ui.tourAudio.replaceChildren();
    this.closeAnnotation();
  }

  releaseTourAudio() {
    if (this.stepState) this.stepState.abort();
    this.stepState = null;
    releaseAudio(this.ui.tourAudio);
  }

  setTourAudio(on) {
    const audio = this.ui.tourAudio.querySelector('audio');
    if (!audio) return;
    if (on) audio.play().catch(() => {}); else audio.pause();
  }

  setLanguage(tag) {
    if (this.L.set(tag)) {
      this.relabel();
      this.updateViewOffset(); // the panel may have changed sides (right to left) or width
      this.emit('languagechange', { language: tag });
    }
  }

  relabel() {
    this.ui.relabel();
    this.tape.relabel();
    this.a11y.relabel();
    this.hotspots.relabel();
    this.panel.relabel();
    this.panel.render();
    // A refused kiosk keeps no title in its document: the page's own title names the scene then.
    this.renderer.domElement.setAttribute('aria-label', this.L.text(this.doc.title) || document.title || this.L.label('objects'));
    if (this.tour.active) {
      const { tour, index } = this.tour;
      this.ui.tourTitle.textContent = this.L.text(tour.title);
      this.ui.tourStep.textContent = this.L.label('stepOf', { n: index + 1, total: tour.steps.length });
      this.ui.narration.textContent = this.L.text(tour.steps[index].narration);
    }
    this.showVerification();
  }

  showVerification() {
    const r = this.check.result();
    const L = this.L;
    const fp = shortFingerprint(r.fingerprint);
    let title = r.fingerprint ? L.label('fingerprint', { fingerprint: r.fingerprint }) : '';
    let text;
    if (r.status === 'verified') {
      // Only here is the manifest's institution shown: it was signed by the pinned key.
      text = this.check.institution ? L.label('verified', { institution: this.check.institution }) : L.label('verifiedKey', { fingerprint: fp });
      if (this.check.via) text += ` (${L.label('verifiedRotated', { fingerprint: shortFingerprint(this.check.via) })})`;
    } else if (r.status === 'signed') {
      text = L.label('signed', { fingerprint: fp });
      title = L.label('signedTitle', { fingerprint: r.fingerprint });
    } else if (r.status === 'wrong-key') {
      text = L.label('wrongKey', { fingerprint: fp });
      title = L.label('wrongKeyTitle', { pinned: r.pinned, fingerprint: r.fingerprint });
    } else if (r.status === 'tampered') text = L.label('tampered', { files: r.files.join(', ') });
    else if (r.status === 'unsigned') text = L.label('unsigned');
    else text = r.signature === 'pending' ? L.label('checking') : L.label('unchecked');
    this.ui.badge.textContent = text;
    this.ui.badge.dataset.status = r.status;
    this.ui.badge.title = title;
    if (this.closed) this.showClosed();
    else if (this.levels.refused.size || this.refusedMedia.length) this.showRefused();
    else if (r.status === 'tampered') this.ui.showNotice(text);
  }

  /** Kiosk: the whole exhibit is refused; say why in every exhibit language. */
  showClosed() {
    const key = { missing: 'closedMissing', unparsable: 'closedUnparsable', unsigned: 'closedUnsigned', invalid: 'closedInvalid',
      'wrong-key': 'closedWrongKey', unsupported: 'closedUnsupported', files: 'closedFiles' }[this.closed.reason] || 'closedInvalid';
    this.ui.showNotice(this.L.labelAll(key, { files: this.closed.files.join(', ') }), { closable: false });
  }

  /** Kiosk: artifacts and media whose files do not match are not shown; name them and their files. */
  showRefused() {
    const names = [], files = [];
    for (const [id, file] of this.levels.refused) {
      const a = this.artifacts.get(id);
      names.push((a && (a.name || a.id)) || id);
      files.push(file);
    }
    const lines = files.length ? this.L.labelAll('tamperedRefused', { files: files.join(', ') }).map((l) => ({ ...l, text: `${l.text} (${names.join(', ')})` })) : [];
    const media = this.refusedMedia.length ? this.L.labelAll('mediaRefused', { files: this.refusedMedia.join(', ') }) : [];
    // One line per language: the artifact sentence, then the media sentence.
    const merged = [];
    for (const l of [...lines, ...media]) {
      const same = merged.find((m) => m.tag === l.tag);
      if (same) same.text += ` ${l.text}`; else merged.push({ ...l });
    }
    this.ui.showNotice(merged);
  }

  resetForNextVisitor() {
    this.tour.stop({ silent: false });
    this.closeAnnotation();
    this.ui.toggleList(false);
    this.ui.toggleCredits(false);
    if (this.L.current !== this.L.defaultTag) this.setLanguage(this.L.defaultTag);
    this.flight.flyTo(this.withSubjects(this.startViewpoint(), true), { cut: true });
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  }

  startAttract(kind) {
    if (kind === 'tour' && this.tour.tours.length) this.tour.start(this.tour.tours[0].id, { loop: true });
    else this.controls.autoRotate = !prefersReducedMotion();
    this.attracting = kind;
    this.requestRender();
  }

  stopAttract() {
    this.controls.autoRotate = false;
    if (this.tour.active && this.tour.loop) this.tour.stop();
    this.attracting = null;
  }
}
