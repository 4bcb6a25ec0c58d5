// The viewer's own interface labels. Curator text comes from the exhibit.
export const LABELS = {
  en: {
    loading: 'Loading exhibit…',
    loadingProgress: 'Loading {pct}%',
    language: 'Language',
    close: 'Close',
    annotations: 'Points of interest',
    tours: 'Tours',
    startTour: 'Start tour',
    pause: 'Pause',
    resume: 'Resume',
    next: 'Next step',
    previous: 'Previous step',
    endTour: 'End tour',
    stepOf: 'Step {n} of {total}',
    resetView: 'Reset view',
    enterVR: 'Enter VR',
    exitVR: 'Exit VR',
    viewAR: 'View in AR',
    exitAR: 'Exit AR',
    arHint: 'Point at the floor or a table, then tap to place the exhibit.',
    credits: 'Credits',
    imageCredit: 'Image: {credit}',
    verified: 'Verified: published by {institution}',
    tampered: 'Warning: files changed since publication: {files}',
    tamperedRefused: 'This object is not shown because its file does not match what {institution} published: {files}',
    unsigned: 'Not signed: the publisher could not be checked',
    unchecked: 'Signature not checked (this browser cannot verify it)',
    checking: 'Checking publisher…',
    fingerprint: 'Publisher key: {fingerprint}',
    loadFailed: 'Could not load {name}',
    moreInfo: 'Catalogue record',
    rights: 'Rights',
    touchHint: 'Drag to turn · pinch to zoom · two fingers to move',
    openAnnotation: 'Open: {title}',
    noWebGL: 'This exhibit needs WebGL, which this browser does not provide.',
    maker: 'Maker', date: 'Date', materials: 'Materials', dimensions: 'Dimensions', identifier: 'Identifier',
    downloadModel: 'Download {name} for reuse ({format}, {size})',
    downloadLicense: 'Reuse under {license}',
  },
  'zh-Hans': {
    loading: '正在加载展品…',
    loadingProgress: '正在加载 {pct}%',
    language: '语言',
    close: '关闭',
    annotations: '看点',
    tours: '导览',
    startTour: '开始导览',
    pause: '暂停',
    resume: '继续',
    next: '下一步',
    previous: '上一步',
    endTour: '结束导览',
    stepOf: '第 {n} 步，共 {total} 步',
    resetView: '重置视角',
    enterVR: '进入 VR',
    exitVR: '退出 VR',
    viewAR: '在 AR 中查看',
    exitAR: '退出 AR',
    arHint: '将设备对准地面或桌面，然后轻点以放置展品。',
    credits: '致谢',
    imageCredit: '图片：{credit}',
    verified: '已验证：由{institution}发布',
    tampered: '警告：以下文件在发布后被更改：{files}',
    tamperedRefused: '此展品未显示，因为其文件与{institution}发布的不一致：{files}',
    unsigned: '未签名：无法核实发布者',
    unchecked: '未检查签名（此浏览器无法验证）',
    checking: '正在核实发布者…',
    fingerprint: '发布者密钥：{fingerprint}',
    loadFailed: '无法加载 {name}',
    moreInfo: '藏品记录',
    rights: '版权',
    touchHint: '拖动旋转 · 双指捏合缩放 · 双指移动',
    openAnnotation: '打开：{title}',
    noWebGL: '此展览需要 WebGL，但此浏览器不支持。',
    maker: '制作者', date: '年代', materials: '材质', dimensions: '尺寸', identifier: '编号',
    downloadModel: '下载 {name} 以供再利用（{format}，{size}）',
    downloadLicense: '按 {license} 再利用',
  },
};

/** Best label table for a BCP-47 tag: exact, then same script/primary subtag, then English. */
export function labelTable(tag) {
  if (LABELS[tag]) return LABELS[tag];
  const lower = String(tag || '').toLowerCase();
  if (lower.startsWith('zh') && !/hant|tw|hk|mo/.test(lower)) return LABELS['zh-Hans'];
  const primary = lower.split('-')[0];
  for (const key of Object.keys(LABELS)) if (key.toLowerCase().split('-')[0] === primary && primary !== 'zh') return LABELS[key];
  return LABELS.en;
}

export function format(template, values = {}) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}
