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
        <source>As each artifact&apos;s publication policy allows</source>
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
        <source>Bundles publish at most the &apos;%1&apos; level; %2. Every published model carries its recipient&apos;s invisible mark.</source>
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
        <source>Verified: %1 entries, hash chain intact, every signature by this museum&apos;s key.</source>
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
        <source>Add a step that shows the viewport&apos;s current view</source>
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
</TS>
