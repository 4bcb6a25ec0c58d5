<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessibleNames</name>
    <message>
        <source>Every object in the exhibit; select one to edit it in the Inspector.</source>
        <translation>展览中的所有对象；选择一个即可在“检查器”中编辑。</translation>
    </message>
    <message>
        <source>Exhibit outline</source>
        <translation>展览大纲</translation>
    </message>
    <message>
        <source>Inspection report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>Problems found in the exhibit; activate one to select the object concerned.</source>
        <translation>展览中发现的问题；激活一项即可选中相关对象。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>The imported scans; select one to see its inspection report.</source>
        <translation>已导入的扫描；选择一个即可查看其检查报告。</translation>
    </message>
    <message>
        <source>The steps of the selected tour, in order; drag to reorder.</source>
        <translation>所选导览的步骤，按顺序排列；拖动可重新排序。</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>The tour whose steps are listed below.</source>
        <translation>其步骤列在下方的导览。</translation>
    </message>
    <message>
        <source>Tour steps</source>
        <translation>导览步骤</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>Y 轴</translation>
    </message>
    <message>
        <source>Z axis</source>
        <translation>Z 轴</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Missing translation</source>
        <translation>缺少翻译</translation>
    </message>
    <message>
        <source>Text shortened to %1 characters, the most an exhibit can store.</source>
        <translation>文本已缩短至 %1 个字符，这是展览能保存的上限。</translation>
    </message>
    <message>
        <source>Select an annotation in the Outline, or turn on Pin Mode and click an artifact to pin a new one.</source>
        <translation>请在“大纲”中选择一个注释，或打开“钉注释”模式并点击展品来钉上新注释。</translation>
    </message>
    <message>
        <source>Fly to viewpoint:</source>
        <translation>飞至视点：</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>图片来源：</translation>
    </message>
    <message>
        <source>Choose Image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Remove Image</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Audio file:</source>
        <translation>音频文件：</translation>
    </message>
    <message>
        <source>Captions:</source>
        <translation>字幕：</translation>
    </message>
    <message>
        <source>Choose Audio…</source>
        <translation>选择音频…</translation>
    </message>
    <message>
        <source>Choose Captions…</source>
        <translation>选择字幕…</translation>
    </message>
    <message>
        <source>Remove Audio</source>
        <translation>移除音频</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>Alt text (%1):</source>
        <translation>替代文本（%1）：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Cannot add the file</source>
        <translation>无法添加该文件</translation>
    </message>
    <message>
        <source>Choose Image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Choose Audio</source>
        <translation>选择音频</translation>
    </message>
    <message>
        <source>Choose Captions</source>
        <translation>选择字幕</translation>
    </message>
    <message>
        <source>Rights of the image</source>
        <translation>图片的权利</translation>
    </message>
    <message>
        <source>Rights of the audio and its captions</source>
        <translation>音频及其字幕的权利</translation>
    </message>
</context>
<context>
    <name>AssetPanel</name>
    <message>
        <source>Select a scan to see its inspection report.</source>
        <translation>选择一个扫描以查看其检查报告。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Up axis</source>
        <translation>向上轴</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>细节层级</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>BrowserPreview</name>
    <message>
        <source>Preparing the browser preview of %1</source>
        <translation>正在准备“%1”的浏览器预览</translation>
    </message>
    <message>
        <source>Cannot preview in the browser</source>
        <translation>无法在浏览器中预览</translation>
    </message>
    <message>
        <source>Previewing at %1</source>
        <translation>正在预览：%1</translation>
    </message>
</context>
<context>
    <name>CommandLabels</name>
    <message>
        <source>Save Measurement</source>
        <translation>保存测量</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Change Property</source>
        <translation>更改属性</translation>
    </message>
    <message>
        <source>Edit Exhibit Text</source>
        <translation>编辑展览文字</translation>
    </message>
    <message>
        <source>Edit Exhibit Details</source>
        <translation>编辑展览信息</translation>
    </message>
    <message>
        <source>Set Languages</source>
        <translation>设置语言</translation>
    </message>
    <message>
        <source>Edit Exhibit Rights</source>
        <translation>编辑展览版权</translation>
    </message>
    <message>
        <source>Change Background</source>
        <translation>更改背景</translation>
    </message>
    <message>
        <source>Change Floor</source>
        <translation>更改地面</translation>
    </message>
    <message>
        <source>Set Start View</source>
        <translation>设置起始视图</translation>
    </message>
    <message>
        <source>Edit Classifications</source>
        <translation>编辑分类</translation>
    </message>
    <message>
        <source>Rename Artifact</source>
        <translation>重命名展品</translation>
    </message>
    <message>
        <source>Rename Plinth</source>
        <translation>重命名展台</translation>
    </message>
    <message>
        <source>Rename Light</source>
        <translation>重命名灯光</translation>
    </message>
    <message>
        <source>Import Scan</source>
        <translation>导入扫描</translation>
    </message>
    <message>
        <source>Add Artifact</source>
        <translation>添加展品</translation>
    </message>
    <message>
        <source>Delete Artifact</source>
        <translation>删除展品</translation>
    </message>
    <message>
        <source>Duplicate Artifact</source>
        <translation>复制展品</translation>
    </message>
    <message>
        <source>Move Artifact</source>
        <translation>移动展品</translation>
    </message>
    <message>
        <source>Show/Hide Artifact</source>
        <translation>显示/隐藏展品</translation>
    </message>
    <message>
        <source>Change Display Setting</source>
        <translation>更改显示设置</translation>
    </message>
    <message>
        <source>Edit Object Record</source>
        <translation>编辑藏品档案</translation>
    </message>
    <message>
        <source>Edit Rights</source>
        <translation>编辑版权</translation>
    </message>
    <message>
        <source>Change Publication Policy</source>
        <translation>更改发布策略</translation>
    </message>
    <message>
        <source>Edit Capture Details</source>
        <translation>编辑采集信息</translation>
    </message>
    <message>
        <source>Process Scan</source>
        <translation>处理扫描</translation>
    </message>
    <message>
        <source>Add Plinth</source>
        <translation>添加展台</translation>
    </message>
    <message>
        <source>Move Plinth</source>
        <translation>移动展台</translation>
    </message>
    <message>
        <source>Resize Plinth</source>
        <translation>调整展台尺寸</translation>
    </message>
    <message>
        <source>Change Plinth</source>
        <translation>更改展台</translation>
    </message>
    <message>
        <source>Delete Plinth</source>
        <translation>删除展台</translation>
    </message>
    <message>
        <source>Add Light</source>
        <translation>添加灯光</translation>
    </message>
    <message>
        <source>Edit Light</source>
        <translation>编辑灯光</translation>
    </message>
    <message>
        <source>Delete Light</source>
        <translation>删除灯光</translation>
    </message>
    <message>
        <source>Add Viewpoint</source>
        <translation>添加视点</translation>
    </message>
    <message>
        <source>Update Viewpoint</source>
        <translation>更新视点</translation>
    </message>
    <message>
        <source>Rename Viewpoint</source>
        <translation>重命名视点</translation>
    </message>
    <message>
        <source>Delete Viewpoint</source>
        <translation>删除视点</translation>
    </message>
    <message>
        <source>Pin Annotation</source>
        <translation>钉注释</translation>
    </message>
    <message>
        <source>Move Pin</source>
        <translation>移动图钉</translation>
    </message>
    <message>
        <source>Edit Annotation Text</source>
        <translation>编辑注释文字</translation>
    </message>
    <message>
        <source>Set Annotation Image</source>
        <translation>设置注释图片</translation>
    </message>
    <message>
        <source>Set Annotation Audio</source>
        <translation>设置注释音频</translation>
    </message>
    <message>
        <source>Set Annotation Viewpoint</source>
        <translation>设置注释视点</translation>
    </message>
    <message>
        <source>Change Marker</source>
        <translation>更改标记</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Delete Annotation</source>
        <translation>删除注释</translation>
    </message>
    <message>
        <source>Add Tour</source>
        <translation>添加导览</translation>
    </message>
    <message>
        <source>Rename Tour</source>
        <translation>重命名导览</translation>
    </message>
    <message>
        <source>Delete Tour</source>
        <translation>删除导览</translation>
    </message>
    <message>
        <source>Add Tour Step</source>
        <translation>添加导览步骤</translation>
    </message>
    <message>
        <source>Remove Tour Step</source>
        <translation>移除导览步骤</translation>
    </message>
    <message>
        <source>Reorder Tour Steps</source>
        <translation>调整导览步骤顺序</translation>
    </message>
    <message>
        <source>Edit Tour Step</source>
        <translation>编辑导览步骤</translation>
    </message>
    <message>
        <source>Edit Narration</source>
        <translation>编辑解说词</translation>
    </message>
    <message>
        <source>Set Narration Audio</source>
        <translation>设置解说音频</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制副本</translation>
    </message>
    <message>
        <source>Capture Tour Step</source>
        <translation>捕获导览步骤</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Bundle</source>
        <translation>导出发布包</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Web (desktop, phone AR and VR headsets)</source>
        <translation>网页（桌面、手机 AR 和 VR 头显）</translation>
    </message>
    <message>
        <source>Kiosk (fullscreen gallery display)</source>
        <translation>展厅终端（全屏展示）</translation>
    </message>
    <message>
        <source>Also make a .zip for upload</source>
        <translation>同时生成用于上传的 .zip 文件</translation>
    </message>
    <message>
        <source>e.g. Partner museum, gallery kiosk 2, museum website</source>
        <translation>例如：合作博物馆、展厅 2 号触摸屏、博物馆网站</translation>
    </message>
    <message>
        <source>Recorded in the signed publication register and marked invisibly in every model, so a leaked copy can be traced to this export.</source>
        <translation>记录在已签名的发布登记册中，并以隐形标记写入每个模型，泄露的副本可追溯到本次导出。</translation>
    </message>
    <message>
        <source>As each artifact's publication policy allows</source>
        <translation>按各展品的发布策略</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Thumbnail</source>
        <translation>缩略</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <source>Finest level:</source>
        <translation>最精细级别：</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>输出文件夹</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Import Scan</source>
        <translation>导入扫描</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>米</translation>
    </message>
    <message>
        <source>centimetres</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>millimetres</source>
        <translation>毫米</translation>
    </message>
    <message>
        <source>inches</source>
        <translation>英寸</translation>
    </message>
    <message>
        <source>Y up</source>
        <translation>Y 轴向上</translation>
    </message>
    <message>
        <source>Z up</source>
        <translation>Z 轴向上</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Artifact name:</source>
        <translation>展品名称：</translation>
    </message>
    <message>
        <source>Scan units:</source>
        <translation>扫描单位：</translation>
    </message>
    <message>
        <source>Up axis:</source>
        <translation>向上轴：</translation>
    </message>
    <message>
        <source>X up</source>
        <translation>X 轴向上</translation>
    </message>
    <message>
        <source>No preview for this scan: it is read when it is imported.</source>
        <translation>此扫描没有预览：导入时才会读取。</translation>
    </message>
    <message>
        <source>Inspection report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>(no preview)</source>
        <translation>（无预览）</translation>
    </message>
    <message>
        <source>As it will stand: %1 × %2 × %3 cm (W × H × D)</source>
        <translation>摆放后尺寸：%1 × %2 × %3 厘米（宽 × 高 × 深）</translation>
    </message>
    <message>
        <source>Level-of-detail error against faces</source>
        <translation>细节层级误差与面数</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Select an artifact, a plinth or a light to see its properties.</source>
        <translation>选择一个展品、展台或灯光以查看其属性。</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>旋转：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Dimensions:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>scan colours (e.g. #c0a080 to override)</source>
        <translation>扫描原色（如填写 #c0a080 则覆盖）</translation>
    </message>
    <message>
        <source>Colour override:</source>
        <translation>覆盖颜色：</translation>
    </message>
    <message>
        <source>Roughness:</source>
        <translation>粗糙度：</translation>
    </message>
    <message>
        <source>Metalness:</source>
        <translation>金属度：</translation>
    </message>
    <message>
        <source>Point size:</source>
        <translation>点大小：</translation>
    </message>
    <message>
        <source>Double-sided</source>
        <translation>双面显示</translation>
    </message>
    <message>
        <source>Level of detail:</source>
        <translation>细节层级：</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>方形</translation>
    </message>
    <message>
        <source>Cylinder</source>
        <translation>圆柱形</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>形状：</translation>
    </message>
    <message>
        <source>Size (W × H × D):</source>
        <translation>尺寸（宽 × 高 × 深）：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Ambient</source>
        <translation>环境光</translation>
    </message>
    <message>
        <source>Directional</source>
        <translation>平行光</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>点光源</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>聚光灯</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Intensity:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 cm (W × H × D)</source>
        <translation>%1 × %2 × %3 厘米（宽 × 高 × 深）</translation>
    </message>
    <message>
        <source>unknown (scan not found)</source>
        <translation>未知（找不到扫描）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>faces</source>
        <translation>个面</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Measure</source>
        <translation>测量(&amp;M)</translation>
    </message>
    <message>
        <source>Measuring tape: click two points on artifacts in the 3D view</source>
        <translation>测量尺：在三维视图中点击展品上的两点</translation>
    </message>
    <message>
        <source>Save Measurement in &amp;Annotation</source>
        <translation>将测量保存到注释(&amp;A)</translation>
    </message>
    <message>
        <source>Save Measurement in Tour &amp;Step</source>
        <translation>将测量保存到导览步骤(&amp;S)</translation>
    </message>
    <message>
        <source>Measure: click two points on an artifact</source>
        <translation>测量：在展品上点击两点</translation>
    </message>
    <message>
        <source>Measure: click a second point</source>
        <translation>测量：点击第二个点</translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation>距离：%1</translation>
    </message>
    <message>
        <source>Saved %1 in the annotation</source>
        <translation>已将 %1 保存到注释</translation>
    </message>
    <message>
        <source>Saved %1 in the tour step</source>
        <translation>已将 %1 保存到导览步骤</translation>
    </message>
    <message>
        <source>Select an annotation first</source>
        <translation>请先选择一个注释</translation>
    </message>
    <message>
        <source>Select a tour step first</source>
        <translation>请先选择一个导览步骤</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>藏品集</translation>
    </message>
    <message>
        <source>Adding %1 from the collection</source>
        <translation>正在从藏品集添加 %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Object Record and Rights</source>
        <translation>藏品档案与版权</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes?</source>
        <translation>恢复未保存的更改？</translation>
    </message>
    <message>
        <source>Vitrine found changes to “%1” that were not saved (autosaved %2). Restore them?</source>
        <translation>Vitrine 发现“%1”有未保存的更改（自动保存于 %2）。是否恢复？</translation>
    </message>
    <message>
        <source>Cannot restore the unsaved changes</source>
        <translation>无法恢复未保存的更改</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing it?</source>
        <translation>关闭前是否保存对“%1”的更改？</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Vitrine projects (*.vitrine)</source>
        <translation>Vitrine 项目 (*.vitrine)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>(no recent projects)</source>
        <translation>（无最近项目）</translation>
    </message>
    <message>
        <source>Import Scan</source>
        <translation>导入扫描</translation>
    </message>
    <message>
        <source>Cannot import the scan</source>
        <translation>无法导入扫描</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或新建一个项目。</translation>
    </message>
    <message>
        <source>Scan import is not available.</source>
        <translation>扫描导入功能不可用。</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Very large scan</source>
        <translation>扫描数据过大</translation>
    </message>
    <message>
        <source>%1

Import a simplified version (500,000 faces)? The original file is kept unchanged in the project.</source>
        <translation>%1

是否导入简化版本（500,000 个面）？原始文件将原样保存在项目中。</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>Cannot export the bundle</source>
        <translation>无法导出发布包</translation>
    </message>
    <message>
        <source>The exporter is not available.</source>
        <translation>导出功能不可用。</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Plinth</source>
        <translation>展台</translation>
    </message>
    <message>
        <source>Spot light</source>
        <translation>聚光灯</translation>
    </message>
    <message>
        <source>View %1</source>
        <translation>视图 %1</translation>
    </message>
    <message>
        <source>About Vitrine</source>
        <translation>关于 Vitrine</translation>
    </message>
    <message>
        <source>Lay out exhibits of 3D scans and publish them to the web, VR headsets and phone AR.</source>
        <translation>用三维扫描布置展览，并发布到网页、VR 头显和手机 AR。</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import Scan…</source>
        <translation>导入扫描(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Bundle…</source>
        <translation>导出发布包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Publications…</source>
        <translation>发布记录(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;Plinth</source>
        <translation>添加展台(&amp;P)</translation>
    </message>
    <message>
        <source>Add &amp;Light</source>
        <translation>添加灯光(&amp;L)</translation>
    </message>
    <message>
        <source>Add &amp;Viewpoint from View</source>
        <translation>从当前视图添加视点(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;Tour…</source>
        <translation>添加导览(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Frame Selection</source>
        <translation>聚焦所选(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ront</source>
        <translation>正视图(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>侧视图(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Top</source>
        <translation>俯视图(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Perspective</source>
        <translation>透视图(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Visitor Preview</source>
        <translation>观众预览(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pin Annotations</source>
        <translation>钉注释(&amp;P)</translation>
    </message>
    <message>
        <source>Pin mode: click an artifact in the 3D view to pin an annotation</source>
        <translation>钉注释模式：在三维视图中点击展品即可钉上注释</translation>
    </message>
    <message>
        <source>Preview in &amp;Browser</source>
        <translation>在浏览器中预览(&amp;B)</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Vitrine</source>
        <translation>关于 Vitrine(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>排列(&amp;A)</translation>
    </message>
    <message>
        <source>In a &amp;Row</source>
        <translation>排成一行(&amp;R)</translation>
    </message>
    <message>
        <source>In an A&amp;rc</source>
        <translation>排成弧形(&amp;R)</translation>
    </message>
    <message>
        <source>In a &amp;Grid</source>
        <translation>排成网格(&amp;G)</translation>
    </message>
    <message>
        <source>On the Back &amp;Wall</source>
        <translation>挂到后墙上(&amp;W)</translation>
    </message>
    <message>
        <source>A&amp;lign</source>
        <translation>对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Left Edges</source>
        <translation>左边缘</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Right Edges</source>
        <translation>右边缘</translation>
    </message>
    <message>
        <source>Front Edges</source>
        <translation>前边缘</translation>
    </message>
    <message>
        <source>Back Edges</source>
        <translation>后边缘</translation>
    </message>
    <message>
        <source>&amp;Distribute Left to Right</source>
        <translation>从左到右均匀分布(&amp;D)</translation>
    </message>
    <message>
        <source>Distribute &amp;Back to Front</source>
        <translation>从后到前均匀分布(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Snap to Plinth or Floor</source>
        <translation>贴合到展台或地面(&amp;S)</translation>
    </message>
    <message>
        <source>Snap to &amp;Nearest Wall</source>
        <translation>贴合到最近的墙(&amp;N)</translation>
    </message>
    <message>
        <source>Lighting &amp;Preset</source>
        <translation>灯光预设(&amp;P)</translation>
    </message>
    <message>
        <source>Gallery (Warm Key and Fill)</source>
        <translation>展厅（暖色主光与补光）</translation>
    </message>
    <message>
        <source>Raking Light (Reliefs, Inscriptions)</source>
        <translation>侧光（浮雕、铭文）</translation>
    </message>
    <message>
        <source>A Spot per Artifact</source>
        <translation>每件展品一盏聚光灯</translation>
    </message>
    <message>
        <source>R&amp;oom…</source>
        <translation>展厅空间(&amp;O)…</translation>
    </message>
    <message>
        <source>Remove Room</source>
        <translation>移除展厅空间</translation>
    </message>
    <message>
        <source>Use Current View as Start View</source>
        <translation>将当前视图设为起始视图</translation>
    </message>
    <message>
        <source>Frame Start View Automatically</source>
        <translation>自动取景起始视图</translation>
    </message>
    <message>
        <source>Cannot arrange</source>
        <translation>无法排列</translation>
    </message>
    <message>
        <source>Start view</source>
        <translation>起始视图</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>展览</translation>
    </message>
</context>
<context>
    <name>ObjectKinds</name>
    <message>
        <source>Artifact</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Plinth</source>
        <translation>展台</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>灯光</translation>
    </message>
    <message>
        <source>Viewpoint</source>
        <translation>视点</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Tour step</source>
        <translation>导览步骤</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>展览</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Artifacts</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Furniture</source>
        <translation>展具</translation>
    </message>
    <message>
        <source>Lights</source>
        <translation>灯光</translation>
    </message>
    <message>
        <source>Viewpoints</source>
        <translation>视点</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>导览</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Autosave unsaved changes after:</source>
        <translation>未保存的更改自动保存间隔：</translation>
    </message>
    <message>
        <source>Menus and panel titles switch to the new language at once; labels inside the panels switch when Vitrine is restarted.</source>
        <translation>菜单和面板标题会立即切换为新语言；面板内的标签在重新启动 Vitrine 后切换。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 个错误，%2 个警告，%3 条提示</translation>
    </message>
</context>
<context>
    <name>PublicationEditor</name>
    <message>
        <source>Publication</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Original (full resolution)</source>
        <translation>原始（完整分辨率）</translation>
    </message>
    <message>
        <source>High (≤ 500,000 faces, 4096 px)</source>
        <translation>高（≤ 500,000 个面，4096 像素）</translation>
    </message>
    <message>
        <source>Medium (≤ 150,000 faces, 2048 px)</source>
        <translation>中（≤ 150,000 个面，2048 像素）</translation>
    </message>
    <message>
        <source>Low (≤ 30,000 faces, 1024 px)</source>
        <translation>低（≤ 30,000 个面，1024 像素）</translation>
    </message>
    <message>
        <source>Thumbnail (≤ 5,000 faces, 512 px)</source>
        <translation>缩略（≤ 5,000 个面，512 像素）</translation>
    </message>
    <message>
        <source>Offer when the rights allow reuse</source>
        <translation>版权允许再利用时提供</translation>
    </message>
    <message>
        <source>Never offer</source>
        <translation>从不提供</translation>
    </message>
    <message>
        <source>Finest level published:</source>
        <translation>发布的最精细级别：</translation>
    </message>
    <message>
        <source>Download for reuse:</source>
        <translation>供再利用的下载：</translation>
    </message>
    <message>
        <source>As the rights statement allows (%1)</source>
        <translation>按版权声明允许的级别（%1）</translation>
    </message>
    <message>
        <source>the viewer offers a download of it</source>
        <translation>查看器提供其下载</translation>
    </message>
    <message>
        <source>no download is offered (withheld here)</source>
        <translation>不提供下载（在此处保留）</translation>
    </message>
    <message>
        <source>no download is offered (the rights do not allow reuse)</source>
        <translation>不提供下载（版权不允许再利用）</translation>
    </message>
    <message>
        <source>Bundles publish at most the '%1' level; %2. Every published model carries its recipient's invisible mark.</source>
        <translation>发布包最多发布“%1”级别；%2。每个发布的模型都带有其接收方的隐形标记。</translation>
    </message>
</context>
<context>
    <name>PublicationsDialog</name>
    <message>
        <source>Publications</source>
        <translation>发布记录</translation>
    </message>
    <message>
        <source>Every export of this project, as recorded in its signed publication register.</source>
        <translation>本项目的每次导出，均记录在其已签名的发布登记册中。</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Export id</source>
        <translation>导出编号</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 export(s) recorded.</source>
        <translation>已记录 %1 次导出。</translation>
    </message>
    <message>
        <source>No exports recorded yet.</source>
        <translation>尚未记录任何导出。</translation>
    </message>
    <message>
        <source>(no recipient)</source>
        <translation>（未指定接收方）</translation>
    </message>
    <message>
        <source>Cannot verify: %1</source>
        <translation>无法验证：%1</translation>
    </message>
    <message>
        <source>Verified: %1 entries, hash chain intact, every signature by this museum's key.</source>
        <translation>已验证：%1 条记录，哈希链完整，每个签名均来自本馆的密钥。</translation>
    </message>
    <message>
        <source>Not sound: %1</source>
        <translation>不完整：%1</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>Select an artifact to edit its object record and rights.</source>
        <translation>选择一个展品以编辑其藏品档案和版权。</translation>
    </message>
    <message>
        <source>Object record</source>
        <translation>藏品档案</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI：</translation>
    </message>
    <message>
        <source>Maker / culture:</source>
        <translation>作者 / 文化：</translation>
    </message>
    <message>
        <source>Date / period:</source>
        <translation>年代 / 时期：</translation>
    </message>
    <message>
        <source>Catalogued dimensions:</source>
        <translation>登记尺寸：</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>收藏机构：</translation>
    </message>
    <message>
        <source>Credit line:</source>
        <translation>鸣谢：</translation>
    </message>
    <message>
        <source>comma-separated, e.g. marble, gilt bronze</source>
        <translation>用逗号分隔，例如：大理石, 鎏金铜</translation>
    </message>
    <message>
        <source>Materials:</source>
        <translation>材质：</translation>
    </message>
    <message>
        <source>Add Classification…</source>
        <translation>添加分类…</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>Rights of the object</source>
        <translation>藏品本身的版权</translation>
    </message>
    <message>
        <source>Rights of the 3D model</source>
        <translation>三维模型的版权</translation>
    </message>
    <message>
        <source>Capture of the scan</source>
        <translation>扫描采集信息</translation>
    </message>
    <message>
        <source>Captured by:</source>
        <translation>采集人：</translation>
    </message>
    <message>
        <source>Captured on:</source>
        <translation>采集日期：</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Software:</source>
        <translation>软件：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Title (%1):</source>
        <translation>标题（%1）：</translation>
    </message>
    <message>
        <source>Description (%1):</source>
        <translation>描述（%1）：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Add Classification</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>New classification:</source>
        <translation>新分类：</translation>
    </message>
</context>
<context>
    <name>RightsEditor</name>
    <message>
        <source>Statement:</source>
        <translation>版权声明：</translation>
    </message>
    <message>
        <source>Rights holder:</source>
        <translation>版权所有者：</translation>
    </message>
    <message>
        <source>Attribution:</source>
        <translation>署名：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>TourPanel</name>
    <message>
        <source>New Tour…</source>
        <translation>新建导览…</translation>
    </message>
    <message>
        <source>Delete Tour</source>
        <translation>删除导览</translation>
    </message>
    <message>
        <source>Capture View</source>
        <translation>捕获视图</translation>
    </message>
    <message>
        <source>Add a step that shows the viewport's current view</source>
        <translation>添加一个显示当前三维视图的步骤</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation>移除步骤</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Selected step</source>
        <translation>所选步骤</translation>
    </message>
    <message>
        <source>Narration (%1):</source>
        <translation>解说词（%1）：</translation>
    </message>
    <message>
        <source>New Tour</source>
        <translation>新建导览</translation>
    </message>
    <message>
        <source>Tour title:</source>
        <translation>导览标题：</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Title (%1):</source>
        <translation>标题（%1）：</translation>
    </message>
    <message>
        <source>Missing translation</source>
        <translation>缺少翻译</translation>
    </message>
</context>
<context>
    <name>ViewportOverlay</name>
    <message>
        <source>Pin mode: click a surface to place an annotation</source>
        <translation>钉注释模式：点击表面即可放置注释</translation>
    </message>
</context>
<context>
    <name>ViewportPlaceholder</name>
    <message>
        <source>3D view unavailable</source>
        <translation>三维视图不可用</translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>面数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>CollectionPanel</name>
    <message>
        <source>Open Collection…</source>
        <translation>打开藏品集…</translation>
    </message>
    <message>
        <source>Search: name, format, &gt;5MB, problems</source>
        <translation>搜索：名称、格式、&gt;5MB、有问题</translation>
    </message>
    <message>
        <source>Search the collection</source>
        <translation>搜索藏品集</translation>
    </message>
    <message>
        <source>Add to Exhibit</source>
        <translation>加入展览</translation>
    </message>
    <message>
        <source>No collection open. Prepare one with 'vitrine batch'.</source>
        <translation>未打开藏品集。请用“vitrine batch”准备一个。</translation>
    </message>
    <message>
        <source>Scans in the collection</source>
        <translation>藏品集中的扫描</translation>
    </message>
    <message>
        <source>Plot of the collection's sizes and problems</source>
        <translation>藏品集大小与问题图</translation>
    </message>
    <message>
        <source>faces (points for point clouds)</source>
        <translation>面数（点云为点数）</translation>
    </message>
    <message>
        <source>file size (MB)</source>
        <translation>文件大小（MB）</translation>
    </message>
    <message>
        <source>Open Collection</source>
        <translation>打开藏品集</translation>
    </message>
    <message>
        <source>%1 of %2 scans shown (%3 failed) in %4</source>
        <translation>%4 中显示 %1 / %2 个扫描（%3 个失败）</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>Room</source>
        <translation>展厅空间</translation>
    </message>
    <message>
        <source>Floor width (x):</source>
        <translation>地面宽度（x）：</translation>
    </message>
    <message>
        <source>Floor depth (z):</source>
        <translation>地面进深（z）：</translation>
    </message>
    <message>
        <source>Wall height:</source>
        <translation>墙高：</translation>
    </message>
    <message>
        <source>Wall colour:</source>
        <translation>墙面颜色：</translation>
    </message>
    <message>
        <source>Floor colour:</source>
        <translation>地面颜色：</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Add Doorway</source>
        <translation>添加门洞</translation>
    </message>
    <message>
        <source>Remove Doorway</source>
        <translation>移除门洞</translation>
    </message>
    <message>
        <source>back</source>
        <translation>后墙</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左墙</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右墙</translation>
    </message>
    <message>
        <source>front</source>
        <translation>前墙</translation>
    </message>
</context>
<context>
    <name>PlacementGroup</name>
    <message>
        <source>Placement</source>
        <translation>摆放</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>未摆放</translation>
    </message>
    <message>
        <source>on the floor</source>
        <translation>放在地面上</translation>
    </message>
    <message>
        <source>on a plinth</source>
        <translation>放在展台上</translation>
    </message>
    <message>
        <source>on a wall</source>
        <translation>挂在墙上</translation>
    </message>
    <message>
        <source>Stands:</source>
        <translation>放置方式：</translation>
    </message>
    <message>
        <source>Centre height:</source>
        <translation>中心高度：</translation>
    </message>
    <message>
        <source>%1 m (base at %2 m)</source>
        <translation>%1 米（底部在 %2 米）</translation>
    </message>
    <message>
        <source>Cannot hang the artifact</source>
        <translation>无法悬挂展品</translation>
    </message>
</context>
<context>
    <name>TranslationsPanel</name>
    <message>
        <source>Translation completeness per language</source>
        <translation>各语言翻译完成度</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Send a language to a translator with: vitrine strings export PROJECT --target LANG --out FILE.xlf, and bring it back with vitrine strings import.</source>
        <translation>将某种语言交给译者：vitrine strings export 项目 --target 语言 --out 文件.xlf；译好后用 vitrine strings import 导入。</translation>
    </message>
    <message>
        <source>(source)</source>
        <translation>（源语言）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Written right to left</source>
        <translation>从右向左书写</translation>
    </message>
    <message>
        <source>Written left to right</source>
        <translation>从左向右书写</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>All %1 texts exist in every language.</source>
        <translation>全部 %1 条文本在每种语言中都已齐全。</translation>
    </message>
    <message>
        <source>%1 texts to translate; incomplete: %2</source>
        <translation>共 %1 条待译文本；未完成：%2</translation>
    </message>
</context>
<context>
    <name>ExhibitPanel</name>
    <message>
        <source>Open or create a project to edit the exhibit.</source>
        <translation>打开或新建项目后即可编辑展览。</translation>
    </message>
    <message>
        <source>Rights of the exhibit</source>
        <translation>展览的权利</translation>
    </message>
    <message>
        <source>Title and description</source>
        <translation>标题和简介</translation>
    </message>
    <message>
        <source>Institution and credits</source>
        <translation>机构和致谢</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <source>Credits:</source>
        <translation>致谢：</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The first language is the default for visitors.</source>
        <translation>第一种语言是观众看到的默认语言。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Make Default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Start view</source>
        <translation>起始视图</translation>
    </message>
    <message>
        <source>Use Current View</source>
        <translation>使用当前视图</translation>
    </message>
    <message>
        <source>Save the 3D view's camera as the view visitors see first</source>
        <translation>将三维视图的相机保存为观众最先看到的视图</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>渐变</translation>
    </message>
    <message>
        <source>Solid colour</source>
        <translation>纯色</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>背景：</translation>
    </message>
    <message>
        <source>Colour (top):</source>
        <translation>颜色（上）：</translation>
    </message>
    <message>
        <source>Colour (bottom):</source>
        <translation>颜色（下）：</translation>
    </message>
    <message>
        <source>Show the floor</source>
        <translation>显示地面</translation>
    </message>
    <message>
        <source>Floor colour:</source>
        <translation>地面颜色：</translation>
    </message>
    <message>
        <source>Floor radius:</source>
        <translation>地面半径：</translation>
    </message>
    <message>
        <source>Title (%1):</source>
        <translation>标题（%1）：</translation>
    </message>
    <message>
        <source>Description (%1):</source>
        <translation>简介（%1）：</translation>
    </message>
    <message>
        <source>(frame everything)</source>
        <translation>（显示全部）</translation>
    </message>
    <message>
        <source>Add Language</source>
        <translation>添加语言</translation>
    </message>
    <message>
        <source>Language tag (BCP 47, e.g. fr, de, zh-Hant):</source>
        <translation>语言标记（BCP 47，例如 fr、de、zh-Hant）：</translation>
    </message>
    <message>
        <source>Cannot add the language</source>
        <translation>无法添加该语言</translation>
    </message>
    <message>
        <source>“%1” is not a language tag, or the exhibit has it already.</source>
        <translation>“%1”不是语言标记，或展览已有该语言。</translation>
    </message>
</context>
<context>
    <name>ExportSummaryDialog</name>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Zip:</source>
        <translation>Zip 文件：</translation>
    </message>
    <message>
        <source>%1 files, %2</source>
        <translation>%1 个文件，%2</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <source>(no recipient named)</source>
        <translation>（未指定接收方）</translation>
    </message>
    <message>
        <source>Signed with key:</source>
        <translation>签名密钥：</translation>
    </message>
    <message>
        <source>A new signing key was created at %1; keep it safe.</source>
        <translation>已在 %1 创建新的签名密钥，请妥善保管。</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>发布内容：</translation>
    </message>
    <message>
        <source>Warnings (%1):</source>
        <translation>警告（%1）：</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>没有警告。</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Preview in Browser</source>
        <translation>在浏览器中预览</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>展厅终端</translation>
    </message>
</context>
<context>
    <name>MessageWords</name>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>thumbnail</source>
        <translation>缩略</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图像</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图像</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <source>a GLB (binary glTF) file</source>
        <translation>GLB（二进制 glTF）文件</translation>
    </message>
    <message>
        <source>a PLY file</source>
        <translation>PLY 文件</translation>
    </message>
    <message>
        <source>a RIFF (WAV/WebP/AVI) file</source>
        <translation>RIFF（WAV/WebP/AVI）文件</translation>
    </message>
    <message>
        <source>a TIFF image</source>
        <translation>TIFF 图像</translation>
    </message>
    <message>
        <source>meshoptimizer-compressed buffers</source>
        <translation>meshoptimizer 压缩的缓冲区</translation>
    </message>
    <message>
        <source>KTX2/Basis textures</source>
        <translation>KTX2/Basis 纹理</translation>
    </message>
    <message>
        <source>WebP-only textures</source>
        <translation>仅 WebP 纹理</translation>
    </message>
    <message>
        <source>AVIF-only textures</source>
        <translation>仅 AVIF 纹理</translation>
    </message>
    <message>
        <source>rights</source>
        <translation>权利声明</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>curator</source>
        <translation>策展人设置</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出上限</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>the image of annotation '{annotation}' has no alt text</source>
        <translation>注释“{annotation}”的图片没有替代文字</translation>
    </message>
    <message>
        <source>the image of annotation '{annotation}' has no alt text in {languages}</source>
        <translation>注释“{annotation}”的图片缺少 {languages} 替代文字</translation>
    </message>
    <message>
        <source>the {language} audio of annotation '{annotation}' has no captions</source>
        <translation>注释“{annotation}”的 {language} 音频没有字幕</translation>
    </message>
    <message>
        <source>the {language} text of annotation '{annotation}' has {count} characters; keep it under {limit} to be readable</source>
        <translation>注释“{annotation}”的 {language} 文字有 {count} 个字符；请控制在 {limit} 以内以便阅读</translation>
    </message>
    <message>
        <source>the {language} narration of step {step} of tour '{tour}' has no captions</source>
        <translation>导览“{tour}”第 {step} 步的 {language} 解说没有字幕</translation>
    </message>
    <message>
        <source>annotation '{annotation}' shows a measurement on an artifact that no longer exists</source>
        <translation>注释“{annotation}”显示的测量所在展品已不存在</translation>
    </message>
    <message>
        <source>step {step} of tour '{tour}' shows a measurement on an artifact that no longer exists</source>
        <translation>导览“{tour}”的第 {step} 步显示的测量所在展品已不存在</translation>
    </message>
    <message>
        <source>artifact '{artifact}' is mounted on a wall, but the exhibit has no room</source>
        <translation>展品“{artifact}”挂在墙上，但展览没有展厅</translation>
    </message>
    <message>
        <source>artifact '{artifact}' stands outside the room</source>
        <translation>展品“{artifact}”位于展厅之外</translation>
    </message>
    <message>
        <source>artifact '{artifact}' refers to an asset that is not in the project</source>
        <translation>展品“{artifact}”引用的扫描不在项目中</translation>
    </message>
    <message>
        <source>annotation '{annotation}' is pinned to an artifact that no longer exists</source>
        <translation>注释“{annotation}”所在的展品已不存在</translation>
    </message>
    <message>
        <source>annotation '{annotation}' flies to a viewpoint that no longer exists</source>
        <translation>注释“{annotation}”跳转的视点已不存在</translation>
    </message>
    <message>
        <source>the start view refers to a viewpoint that no longer exists</source>
        <translation>起始视图引用的视点已不存在</translation>
    </message>
    <message>
        <source>tour '{tour}' has no steps</source>
        <translation>导览“{tour}”没有步骤</translation>
    </message>
    <message>
        <source>step {step} of tour '{tour}' uses a viewpoint that no longer exists</source>
        <translation>导览“{tour}”的第 {step} 步使用的视点已不存在</translation>
    </message>
    <message>
        <source>step {step} of tour '{tour}' opens an annotation that no longer exists</source>
        <translation>导览“{tour}”的第 {step} 步打开的注释已不存在</translation>
    </message>
    <message>
        <source>the id {id} is used twice</source>
        <translation>标识 {id} 被使用了两次</translation>
    </message>
    <message>
        <source>the id {id} is not a valid id</source>
        <translation>标识 {id} 不是有效的标识</translation>
    </message>
    <message>
        <source>annotation '{annotation}' has no title in {languages}</source>
        <translation>注释“{annotation}”缺少 {languages} 标题</translation>
    </message>
    <message>
        <source>annotation '{annotation}' has no text in {languages}</source>
        <translation>注释“{annotation}”缺少 {languages} 正文</translation>
    </message>
    <message>
        <source>tour '{tour}' has no title in {languages}</source>
        <translation>导览“{tour}”缺少 {languages} 标题</translation>
    </message>
    <message>
        <source>step {step} of tour '{tour}' has no narration in {languages}</source>
        <translation>导览“{tour}”的第 {step} 步缺少 {languages} 解说</translation>
    </message>
    <message>
        <source>the exhibit has no title in {languages}</source>
        <translation>展览缺少 {languages} 标题</translation>
    </message>
    <message>
        <source>the 3D model of '{artifact}' has no rights statement</source>
        <translation>“{artifact}”的三维模型没有权利声明</translation>
    </message>
    <message>
        <source>the object '{artifact}' has no rights statement</source>
        <translation>实物“{artifact}”没有权利声明</translation>
    </message>
    <message>
        <source>the image of annotation '{annotation}' has no rights statement</source>
        <translation>注释“{annotation}”的图片没有权利声明</translation>
    </message>
    <message>
        <source>the {language} audio of annotation '{annotation}' has no rights statement</source>
        <translation>注释“{annotation}”的 {language} 音频没有权利声明</translation>
    </message>
    <message>
        <source>the {language} narration audio of step {step} of tour '{tour}' has no rights statement</source>
        <translation>导览“{tour}”第 {step} 步的 {language} 解说音频没有权利声明</translation>
    </message>
    <message>
        <source>scan '{name}': {reason}</source>
        <translation>扫描“{name}”：{reason}</translation>
    </message>
    <message>
        <source>level '{level}' of '{name}': {reason}</source>
        <translation>“{name}”的{level}精度层级：{reason}</translation>
    </message>
    <message>
        <source>annotation image: {reason}</source>
        <translation>注释图片：{reason}</translation>
    </message>
    <message>
        <source>annotation audio: {reason}</source>
        <translation>注释音频：{reason}</translation>
    </message>
    <message>
        <source>captions: {reason}</source>
        <translation>字幕：{reason}</translation>
    </message>
    <message>
        <source>narration audio: {reason}</source>
        <translation>解说音频：{reason}</translation>
    </message>
    <message>
        <source>scan '{name}' is missing: {path}</source>
        <translation>扫描“{name}”缺失：{path}</translation>
    </message>
    <message>
        <source>level '{level}' of '{name}' is missing: {path}</source>
        <translation>“{name}”的{level}精度层级缺失：{path}</translation>
    </message>
    <message>
        <source>annotation image is missing: {path}</source>
        <translation>注释图片缺失：{path}</translation>
    </message>
    <message>
        <source>annotation audio is missing: {path}</source>
        <translation>注释音频缺失：{path}</translation>
    </message>
    <message>
        <source>captions is missing: {path}</source>
        <translation>字幕缺失：{path}</translation>
    </message>
    <message>
        <source>narration audio is missing: {path}</source>
        <translation>解说音频缺失：{path}</translation>
    </message>
</context>
<context>
    <name>ScanMessages</name>
    <message>
        <source>unsupported file type {suffix}; readable: {known}</source>
        <translation>不支持的文件类型 {suffix}；可读取：{known}</translation>
    </message>
    <message>
        <source>is not a {format} file: it looks like {what}</source>
        <translation>不是 {format} 文件：看起来是{what}</translation>
    </message>
    <message>
        <source>is not a {format} file: it does not start with {magic}</source>
        <translation>不是 {format} 文件：文件开头不是 {magic}</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>is not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file holds no geometry</source>
        <translation>文件中没有几何数据</translation>
    </message>
    <message>
        <source>the file holds no vertices</source>
        <translation>文件中没有顶点</translation>
    </message>
    <message>
        <source>not enough memory to read this {format} file</source>
        <translation>内存不足，无法读取此 {format} 文件</translation>
    </message>
    <message>
        <source>the {format} file is nested too deeply to read</source>
        <translation>此 {format} 文件嵌套层级过深，无法读取</translation>
    </message>
    <message>
        <source>the {format} file could not be read ({reason})</source>
        <translation>无法读取此 {format} 文件（{reason}）</translation>
    </message>
    <message>
        <source>{bad} of {count} vertices have NaN or infinite coordinates</source>
        <translation>{count} 个顶点中有 {bad} 个的坐标为 NaN 或无穷大</translation>
    </message>
    <message>
        <source>the PLY file has no vertex element with x, y and z</source>
        <translation>此 PLY 文件没有包含 x、y、z 的顶点元素</translation>
    </message>
    <message>
        <source>the {element} element has no list of vertex indices</source>
        <translation>{element} 元素没有顶点索引列表</translation>
    </message>
    <message>
        <source>the file declares faces but none of them could be read as triangles</source>
        <translation>文件声明了面，但没有一个能读取为三角形</translation>
    </message>
    <message>
        <source>{bad} face indices point outside the {count} vertices</source>
        <translation>{bad} 个面索引超出了 {count} 个顶点的范围</translation>
    </message>
    <message>
        <source>the file is only {size} bytes, too short for an STL</source>
        <translation>文件只有 {size} 字节，不足以构成 STL 文件</translation>
    </message>
    <message>
        <source>the binary STL header claims {count} triangles, which needs {needed} bytes, but the file holds {size} bytes</source>
        <translation>二进制 STL 文件头声明有 {count} 个三角形，需要 {needed} 字节，但文件只有 {size} 字节</translation>
    </message>
    <message>
        <source>not an STL file (neither a binary triangle count nor 'solid ... facet')</source>
        <translation>不是 STL 文件（既没有二进制三角形数量，也没有“solid … facet”）</translation>
    </message>
    <message>
        <source>not an OFF file (it does not start with 'OFF')</source>
        <translation>不是 OFF 文件（文件开头不是“OFF”）</translation>
    </message>
    <message>
        <source>the OFF header has no valid vertex and face counts</source>
        <translation>OFF 文件头没有有效的顶点数和面数</translation>
    </message>
    <message>
        <source>the header claims {vertices} vertices and {faces} faces but the file holds {size} bytes</source>
        <translation>文件头声明有 {vertices} 个顶点和 {faces} 个面，但文件只有 {size} 字节</translation>
    </message>
    <message>
        <source>not an OBJ file: it holds binary data</source>
        <translation>不是 OBJ 文件：其中包含二进制数据</translation>
    </message>
    <message>
        <source>the header claims {faces} faces, more than the limit of {limit}; import a simplified version instead</source>
        <translation>文件头声明有 {faces} 个面，超过上限 {limit}；请改为导入简化版本</translation>
    </message>
    <message>
        <source>the file holds {faces} faces, more than the limit of {limit}; import a simplified version instead</source>
        <translation>文件包含 {faces} 个面，超过上限 {limit}；请改为导入简化版本</translation>
    </message>
    <message>
        <source>{count} vertices have NaN or infinite coordinates</source>
        <translation>{count} 个顶点的坐标为 NaN 或无穷大</translation>
    </message>
    <message>
        <source>{count} face indices point outside the vertices</source>
        <translation>{count} 个面索引超出了顶点范围</translation>
    </message>
    <message>
        <source>{count} faces is more than the {limit} a prepared mesh may have; it will be simplified</source>
        <translation>{count} 个面，超过处理后网格允许的 {limit} 个；将进行简化</translation>
    </message>
    <message>
        <source>{count} points is more than {limit}; it will be subsampled</source>
        <translation>{count} 个点，超过 {limit} 个；将进行抽样</translation>
    </message>
    <message>
        <source>{holes} holes or open borders ({edges} boundary edges)</source>
        <translation>{holes} 个孔洞或开放边界（{edges} 条边界边）</translation>
    </message>
    <message>
        <source>{count} edges are shared by more than two faces</source>
        <translation>{count} 条边被两个以上的面共用</translation>
    </message>
    <message>
        <source>{count} faces have no area</source>
        <translation>{count} 个面的面积为零</translation>
    </message>
    <message>
        <source>{count} faces are duplicates</source>
        <translation>{count} 个面是重复的</translation>
    </message>
    <message>
        <source>the mesh has {count} separate pieces</source>
        <translation>网格由 {count} 个独立部分组成</translation>
    </message>
    <message>
        <source>PLY header is larger than 1 MiB or has no end_header line</source>
        <translation>PLY 文件头超过 1 MiB 或没有 end_header 行</translation>
    </message>
    <message>
        <source>PLY header is incomplete (no end_header line); the file is truncated or not a PLY</source>
        <translation>PLY 文件头不完整（没有 end_header 行）；文件被截断或不是 PLY 文件</translation>
    </message>
    <message>
        <source>unknown PLY format line {line}</source>
        <translation>未知的 PLY format 行 {line}</translation>
    </message>
    <message>
        <source>malformed PLY element line {line}</source>
        <translation>PLY element 行格式错误 {line}</translation>
    </message>
    <message>
        <source>PLY property before any element: {line}</source>
        <translation>PLY property 出现在任何 element 之前：{line}</translation>
    </message>
    <message>
        <source>unsupported PLY list property {line}</source>
        <translation>不支持的 PLY 列表属性 {line}</translation>
    </message>
    <message>
        <source>malformed PLY property line {line}</source>
        <translation>PLY property 行格式错误 {line}</translation>
    </message>
    <message>
        <source>unexpected PLY header line {line}</source>
        <translation>意外的 PLY 文件头行 {line}</translation>
    </message>
    <message>
        <source>PLY header has no format line</source>
        <translation>PLY 文件头没有 format 行</translation>
    </message>
    <message>
        <source>the header claims {count} {element} elements but the file holds only {size} bytes of data</source>
        <translation>文件头声明有 {count} 个 {element} 元素，但文件只有 {size} 字节数据</translation>
    </message>
    <message>
        <source>file is truncated inside the {element} element ({count} claimed, {present} present)</source>
        <translation>文件在 {element} 元素内被截断（声明 {count} 个，实有 {present} 个）</translation>
    </message>
    <message>
        <source>file is truncated inside the {element} element</source>
        <translation>文件在 {element} 元素内被截断</translation>
    </message>
    <message>
        <source>a list in the {element} element claims {count} items past the end of the file</source>
        <translation>{element} 元素中的一个列表声明有 {count} 项，超出了文件末尾</translation>
    </message>
    <message>
        <source>the ASCII PLY body holds a value that is not a number</source>
        <translation>ASCII PLY 正文中有一个值不是数字</translation>
    </message>
    <message>
        <source>a list in the {element} element has an invalid length {length}</source>
        <translation>{element} 元素中的一个列表长度无效：{length}</translation>
    </message>
    <message>
        <source>not a GLB file (no 'glTF' magic)</source>
        <translation>不是 GLB 文件（没有 'glTF' 标识）</translation>
    </message>
    <message>
        <source>GLB version {version} is not supported (only glTF 2.0)</source>
        <translation>不支持 GLB 版本 {version}（仅支持 glTF 2.0）</translation>
    </message>
    <message>
        <source>the GLB header claims {length} bytes but the file holds {size} bytes</source>
        <translation>GLB 文件头声明有 {length} 字节，但文件只有 {size} 字节</translation>
    </message>
    <message>
        <source>the GLB's first chunk is not a complete JSON chunk</source>
        <translation>GLB 的第一个数据块不是完整的 JSON 块</translation>
    </message>
    <message>
        <source>the GLB's JSON chunk is invalid ({error})</source>
        <translation>GLB 的 JSON 块无效（{error}）</translation>
    </message>
    <message>
        <source>the GLB's binary chunk claims {length} bytes past the end of the file</source>
        <translation>GLB 的二进制块声明有 {length} 字节，超出了文件末尾</translation>
    </message>
    <message>
        <source>the GLB's JSON is not an object</source>
        <translation>GLB 的 JSON 不是对象</translation>
    </message>
    <message>
        <source>uses {extension} ({what}), which cannot be decoded here; re-export the file without that compression</source>
        <translation>使用了 {extension}（{what}），此处无法解码；请不使用该压缩重新导出文件</translation>
    </message>
    <message>
        <source>bufferView {index} ends at byte {end}, past the end of its buffer</source>
        <translation>bufferView {index} 结束于第 {end} 字节，超出了其缓冲区末尾</translation>
    </message>
    <message>
        <source>accessor {index} claims {count} elements but its bufferView holds {size} bytes</source>
        <translation>accessor {index} 声明有 {count} 个元素，但其 bufferView 只有 {size} 字节</translation>
    </message>
    <message>
        <source>the glTF JSON is malformed ({error})</source>
        <translation>glTF JSON 格式错误（{error}）</translation>
    </message>
    <message>
        <source>a data: URI in the glTF is not valid base64</source>
        <translation>glTF 中的 data: URI 不是有效的 base64</translation>
    </message>
    <message>
        <source>the external buffer {uri} is missing or not a regular file</source>
        <translation>外部缓冲区 {uri} 缺失或不是普通文件</translation>
    </message>
    <message>
        <source>the external buffer {uri} is missing</source>
        <translation>外部缓冲区 {uri} 缺失</translation>
    </message>
    <message>
        <source>the glTF JSON is invalid ({error})</source>
        <translation>glTF JSON 无效（{error}）</translation>
    </message>
    <message>
        <source>the glTF JSON is not an object</source>
        <translation>glTF JSON 不是对象</translation>
    </message>
    <message>
        <source>Draco-compressed geometry was decoded</source>
        <translation>已解码 Draco 压缩的几何数据</translation>
    </message>
    <message>
        <source>a Draco primitive has face indices outside its vertices</source>
        <translation>一个 Draco 图元的面索引超出了其顶点范围</translation>
    </message>
    <message>
        <source>Draco data could not be decoded ({error})</source>
        <translation>无法解码 Draco 数据（{error}）</translation>
    </message>
    <message>
        <source>the glTF holds no mesh in its scene</source>
        <translation>glTF 的场景中没有网格</translation>
    </message>
    <message>
        <source>the file is missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>the GLB cannot be read ({error})</source>
        <translation>无法读取 GLB（{error}）</translation>
    </message>
    <message>
        <source>the GLB could not be read ({error})</source>
        <translation>无法读取 GLB（{error}）</translation>
    </message>
    <message>
        <source>the GLB holds no mesh or point cloud</source>
        <translation>GLB 中没有网格或点云</translation>
    </message>
    <message>
        <source>the compressed GLB cannot be read ({reason})</source>
        <translation>无法读取压缩的 GLB（{reason}）</translation>
    </message>
    <message>
        <source>the file holds no triangle mesh</source>
        <translation>文件中没有三角网格</translation>
    </message>
    <message>
        <source>the file holds no valid triangles (faces with NaN, infinite or missing vertices are dropped)</source>
        <translation>文件中没有有效的三角形（含 NaN、无穷大或缺失顶点的面已被丢弃）</translation>
    </message>
    <message>
        <source>the file holds no faces: it is a point cloud of {count} points</source>
        <translation>文件中没有面：它是一个包含 {count} 个点的点云</translation>
    </message>
    <message>
        <source>triangle strips in {element} were converted to triangles</source>
        <translation>{element} 中的三角形条带已转换为三角形</translation>
    </message>
    <message>
        <source>per-face property {name} of {element} is not used</source>
        <translation>{element} 的逐面属性 {name} 未被使用</translation>
    </message>
    <message>
        <source>the file's {element} element ({count} entries) is not used</source>
        <translation>文件的 {element} 元素（{count} 项）未被使用</translation>
    </message>
    <message>
        <source>texture {name} is not found; a placeholder checker texture is used</source>
        <translation>未找到纹理 {name}；改用占位棋盘格纹理</translation>
    </message>
    <message>
        <source>texture {name} is unreadable; a placeholder checker texture is used</source>
        <translation>纹理 {name} 无法读取；改用占位棋盘格纹理</translation>
    </message>
    <message>
        <source>material library {name} is not found; colours and textures are lost</source>
        <translation>未找到材质库 {name}；颜色和纹理将丢失</translation>
    </message>
    <message>
        <source>{width} × {height} pixels, over the {limit}-pixel limit</source>
        <translation>{width} × {height} 像素，超过 {limit} 像素的上限</translation>
    </message>
    <message>
        <source>the image is over the {limit}-pixel limit</source>
        <translation>图像超过 {limit} 像素的上限</translation>
    </message>
    <message>
        <source>glTF is Y-up by specification.</source>
        <translation>按规范，glTF 以 Y 轴朝上。</translation>
    </message>
    <message>
        <source>OBJ exporters usually write Y-up</source>
        <translation>OBJ 导出程序通常以 Y 轴朝上写出</translation>
    </message>
    <message>
        <source>scanner software usually writes {format} Z-up</source>
        <translation>扫描软件通常以 Z 轴朝上写出 {format}</translation>
    </message>
    <message>
        <source>Too few points to find a base; {convention}.</source>
        <translation>点太少，无法找到底座；{convention}。</translation>
    </message>
    <message>
        <source>No stable pose on a clear flat or open base was found; {convention}.</source>
        <translation>未找到立于明确的平底或开口底座上的稳定姿态；{convention}。</translation>
    </message>
    <message>
        <source>an open base</source>
        <translation>开口底座</translation>
    </message>
    <message>
        <source>a flat base</source>
        <translation>平底</translation>
    </message>
    <message>
        <source>a cut base</source>
        <translation>切平的底座</translation>
    </message>
    <message>
        <source>a broad footprint</source>
        <translation>宽大的支撑面</translation>
    </message>
    <message>
        <source>The scan stands stably on {base} at its lowest {axis} ({up} up: {support} of its footprint touches, {flat} of that flat or open, {cut} of it within 2 % of the floor).</source>
        <translation>扫描件以最低的 {axis} 处的{base}稳定站立（{up} 朝上：支撑面的 {support} 着地，其中 {flat} 平坦或开口，{cut} 距地面不超过 2%）。</translation>
    </message>
    <message>
        <source>glTF stores metres by specification (largest side {size} m).</source>
        <translation>按规范，glTF 以米为单位存储（最长边 {size} 米）。</translation>
    </message>
    <message>
        <source>The largest side is {size} units; read as millimetres that is a {metres} m object.</source>
        <translation>最长边为 {size} 个单位；按毫米读取，物体长 {metres} 米。</translation>
    </message>
    <message>
        <source>The largest side is {size} units; read as centimetres that is a {metres} m object.</source>
        <translation>最长边为 {size} 个单位；按厘米读取，物体长 {metres} 米。</translation>
    </message>
    <message>
        <source>The largest side is {size} units, a plausible object size in metres.</source>
        <translation>最长边为 {size} 个单位，按米计是合理的物体尺寸。</translation>
    </message>
    <message>
        <source>The largest side is {size} units: this looks like normalised data (or an object of several metres); there is no clue to the real size.</source>
        <translation>最长边为 {size} 个单位：这看起来是归一化的数据（或一个数米长的物体）；无法得知真实尺寸。</translation>
    </message>
    <message>
        <source>The largest side is {size} units, implausible for an artifact in any usual unit.</source>
        <translation>最长边为 {size} 个单位，按任何常用单位都不像是一件展品的尺寸。</translation>
    </message>
    <message>
        <source>{file}: units could not be guessed ({reason}); metres assumed — correct them in the Inspector or with --units</source>
        <translation>{file}：无法推测单位（{reason}）；已假定为米——请在检查器中或用 --units 更正</translation>
    </message>
    <message>
        <source>{file}: this scan is already in the project; a new artifact reuses it</source>
        <translation>{file}：此扫描已在项目中；新展品将复用它</translation>
    </message>
    <message>
        <source>{file}: {before} faces simplified to {after} on import; the original file is kept unchanged in the project</source>
        <translation>{file}：导入时已将 {before} 个面简化为 {after} 个；原始文件在项目中保持不变</translation>
    </message>
</context>
<context>
    <name>ScanReport</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>米</translation>
    </message>
    <message>
        <source>centimetres</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>millimetres</source>
        <translation>毫米</translation>
    </message>
    <message>
        <source>inches</source>
        <translation>英寸</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>%1 vertices</source>
        <translation>%1 个顶点</translation>
    </message>
    <message>
        <source>%1 faces</source>
        <translation>%1 个面</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 个点</translation>
    </message>
    <message>
        <source>Texture: %1 × %2 px</source>
        <translation>纹理：%1 × %2 像素</translation>
    </message>
    <message>
        <source>Texture: none</source>
        <translation>纹理：无</translation>
    </message>
    <message>
        <source>Texture coordinates: %1</source>
        <translation>纹理坐标：%1</translation>
    </message>
    <message>
        <source>Vertex colours: %1</source>
        <translation>顶点颜色：%1</translation>
    </message>
    <message>
        <source>Normals: %1</source>
        <translation>法线：%1</translation>
    </message>
    <message>
        <source>Watertight: %1</source>
        <translation>封闭：%1</translation>
    </message>
    <message>
        <source>Separate pieces: %1</source>
        <translation>独立部分：%1</translation>
    </message>
    <message>
        <source>Size in file units: %1 × %2 × %3</source>
        <translation>尺寸（文件单位）：%1 × %2 × %3</translation>
    </message>
    <message>
        <source>Units (guessed): %1</source>
        <translation>单位（推测）：%1</translation>
    </message>
    <message>
        <source>Up axis (guessed): %1</source>
        <translation>向上轴（推测）：%1</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>发现的问题：</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
</context>
<context>
    <name>ExportMessages</name>
    <message>
        <source>{name}: {levels} (finest: {size}, {texture}; limit {limit} by {source}); {mark}</source>
        <translation>{name}：{levels}（最精细：{size}，{texture}；上限 {limit}，依据{source}）；{mark}</translation>
    </message>
    <message>
        <source>{count} points</source>
        <translation>{count} 个点</translation>
    </message>
    <message>
        <source>{count} faces</source>
        <translation>{count} 个面</translation>
    </message>
    <message>
        <source>textures up to {size} px</source>
        <translation>纹理最大 {size} 像素</translation>
    </message>
    <message>
        <source>no texture</source>
        <translation>无纹理</translation>
    </message>
    <message>
        <source>marked for {recipient}</source>
        <translation>已为 {recipient} 加标记</translation>
    </message>
    <message>
        <source>marked for (no recipient named)</source>
        <translation>已加标记（未指定接收方）</translation>
    </message>
    <message>
        <source>NOT marked</source>
        <translation>未加标记</translation>
    </message>
    <message>
        <source>scan '{name}' has none of the levels {levels}; exported its coarsest level instead</source>
        <translation>扫描“{name}”没有 {levels} 中的任何级别；已改为导出其最粗级别</translation>
    </message>
    <message>
        <source>index.template.html: placeholders left empty: {names}</source>
        <translation>index.template.html：以下占位符留空：{names}</translation>
    </message>
    <message>
        <source>fonts: no font for the {script} script; install the Debian package {package} (kiosks without internet may show boxes)</source>
        <translation>字体：没有 {script} 文字的字体；请安装 Debian 软件包 {package}（无网络的展台可能显示方框）</translation>
    </message>
    <message>
        <source>fonts: {font} has no glyph for {count} {script} character(s): {chars}</source>
        <translation>字体：{font} 缺少 {count} 个 {script} 字符的字形：{chars}</translation>
    </message>
    <message>
        <source>fonts: index.html has no viewer.css link; fonts.css is not linked</source>
        <translation>字体：index.html 没有 viewer.css 链接；未链接 fonts.css</translation>
    </message>
    <message>
        <source>{name}: no USDZ for AR Quick Look (a point cloud)</source>
        <translation>{name}：没有用于 AR Quick Look 的 USDZ（点云）</translation>
    </message>
    <message>
        <source>{file}: no USDZ for AR Quick Look ({reason})</source>
        <translation>{file}：没有用于 AR Quick Look 的 USDZ（{reason}）</translation>
    </message>
    <message>
        <source>annotation audio (Voyager's audio needs its own clip list)</source>
        <translation>注释音频（Voyager 的音频需要单独的剪辑列表）</translation>
    </message>
    <message>
        <source>tour steps' annotations (a Voyager tour step is a camera move)</source>
        <translation>导览步骤的注释（Voyager 的导览步骤只是一次相机移动）</translation>
    </message>
    <message>
        <source>tour narration audio</source>
        <translation>导览解说音频</translation>
    </message>
    <message>
        <source>plinths (Voyager has no display furniture)</source>
        <translation>展台（Voyager 没有展示家具）</translation>
    </message>
    <message>
        <source>Voyager has no Chinese</source>
        <translation>Voyager 不支持中文</translation>
    </message>
    <message>
        <source>Voyager's languages are {languages}, one text each</source>
        <translation>Voyager 支持的语言为 {languages}，每种一段文字</translation>
    </message>
    <message>
        <source>{file} leaves out: {language} texts ({why})</source>
        <translation>{file} 略去了：{language} 文字（{why}）</translation>
    </message>
    <message>
        <source>{file} leaves out: {what}</source>
        <translation>{file} 略去了：{what}</translation>
    </message>
</context>
<context>
    <name>LodErrorPlot</name>
    <message>
        <source>Faces in the level</source>
        <translation>该层级的面数</translation>
    </message>
    <message>
        <source>RMS distance to the level's nearest vertex (scan units)</source>
        <translation>到该层级最近顶点的均方根距离（扫描单位）</translation>
    </message>
    <message>
        <source>No level-of-detail estimate for this scan: it is read when it is imported.</source>
        <translation>此扫描没有细节层级估计：导入时才会读取。</translation>
    </message>
    <message>
        <source>Estimating the levels of detail…</source>
        <translation>正在估计细节层级…</translation>
    </message>
    <message>
        <source>The levels of detail could not be estimated: %1</source>
        <translation>无法估计细节层级：%1</translation>
    </message>
    <message>
        <source>The scan is small enough to be published whole: no simpler level.</source>
        <translation>此扫描足够小，可整体发布：没有更简化的层级。</translation>
    </message>
    <message>
        <source>%1 levels; the full scan is the reference (error 0).</source>
        <translation>%1 个层级；以完整扫描为基准（误差为 0）。</translation>
    </message>
</context>
<context>
    <name>ScanMessages</name>
    <!-- corpus -->
    <message>
        <source>refers to {uri}, which is not a file beside the scan; only files in the scan's folder are read</source>
        <translation>引用了 {uri}，它不是扫描旁边的文件；只读取扫描所在文件夹中的文件</translation>
    </message>
    <message>
        <source>refers to {uri}, which is outside the scan's folder; only files in the scan's folder are read</source>
        <translation>引用了 {uri}，它位于扫描所在文件夹之外；只读取扫描所在文件夹中的文件</translation>
    </message>
    <message>
        <source>texture {name} is outside the scan's folder and is not read; a placeholder checker texture is used</source>
        <translation>纹理 {name} 位于扫描所在文件夹之外，未被读取；改用占位棋盘格纹理</translation>
    </message>
    <message>
        <source>a sparse accessor's data lies past the end of its bufferView</source>
        <translation>稀疏 accessor 的数据超出了其 bufferView 的末尾</translation>
    </message>
    <message>
        <source>a sparse accessor changes elements outside its {count} elements</source>
        <translation>稀疏 accessor 修改了其 {count} 个元素范围之外的元素</translation>
    </message>
    <message>
        <source>a meshoptimizer-compressed bufferView is malformed</source>
        <translation>一个经网格优化压缩的 bufferView 格式错误</translation>
    </message>
    <message>
        <source>the meshoptimizer-compressed data could not be decoded (error {code})</source>
        <translation>经网格优化压缩的数据无法解码（错误 {code}）</translation>
    </message>
</context>
</TS>
