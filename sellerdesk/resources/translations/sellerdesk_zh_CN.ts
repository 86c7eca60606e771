<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>SellerDesk</source>
        <translation>店铺客户运营台</translation>
    </message>
    <message>
        <source>Customer operations for small online shops: import your platform order exports, see your buyers, plan promotions and outreach. Everything stays on this computer.</source>
        <translation>面向中小网店的客户运营工具：导入平台订单导出文件，了解你的买家，规划大促与客户触达。所有数据只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Shop database: {path}</source>
        <translation>店铺数据库：{path}</translation>
    </message>
    <message>
        <source>Built with Qt {version}</source>
        <translation>基于 Qt {version}</translation>
    </message>
    <message>
        <source>About SellerDesk</source>
        <translation>关于店铺客户运营台</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Map the columns of {file}</source>
        <translation>对应 {file} 的列</translation>
    </message>
    <message>
        <source>SellerDesk does not recognise the layout of “{file}”. Choose which column holds each piece of information; leave a field empty when the file does not have it. Fields marked * are required. SellerDesk remembers this for files with the same columns.</source>
        <translation>无法识别“{file}”的表格格式。请为每项信息选择对应的列；文件里没有的项留空即可。带 * 的为必填项。以后导入列相同的文件时会自动沿用这次的对应。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>(not in this file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Platform or shop system:</source>
        <translation>平台或店铺系统：</translation>
    </message>
    <message>
        <source>Amounts are per order (repeated on every row of an order: count once)</source>
        <translation>金额按订单计（同一订单的每一行重复显示：只算一次）</translation>
    </message>
    <message>
        <source>Amounts are per row (one row per item: add them up)</source>
        <translation>金额按行计（每行一个商品：相加）</translation>
    </message>
    <message>
        <source>Import with these columns</source>
        <translation>按此对应导入</translation>
    </message>
    <message>
        <source>Skip this file</source>
        <translation>跳过此文件</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No orders in this shop yet</source>
        <translation>店铺里还没有订单</translation>
    </message>
    <message>
        <source>Export your orders from the platform&apos;s seller back end (for Taobao/Tmall: 千牛 → 已卖出的宝贝 → 批量导出).</source>
        <translation>先从平台的商家后台导出订单（淘宝/天猫：千牛 → 已卖出的宝贝 → 批量导出）。</translation>
    </message>
    <message>
        <source>Drag the exported file (CSV or Excel) onto this window, or press {shortcut} to choose it. You can drop several files at once.</source>
        <translation>把导出的文件（CSV 或 Excel）拖到本窗口，或按 {shortcut} 选择文件。可以一次拖入多个文件。</translation>
    </message>
    <message>
        <source>SellerDesk recognises Taobao/Tmall, JD, Pinduoduo, 1688 and Douyin order exports. For any other table you show it once which column is which.</source>
        <translation>可自动识别淘宝/天猫、京东、拼多多、1688 和抖店的订单导出；其他表格只需手动对应一次列。</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Could not use the file {file}: {error}</source>
        <translation>无法使用文件 {file}：{error}</translation>
    </message>
    <message>
        <source>Something went wrong that SellerDesk did not expect. Nothing was half-saved: the current step was undone. The details below help us fix it.</source>
        <translation>出现了意外错误。不会留下只保存了一半的数据：当前步骤已撤销。下面的详细信息可以帮助我们修复问题。</translation>
    </message>
</context>
<context>
    <name>FileResultsModel</name>
    <message>
        <source>Cancelled: nothing from this file was imported</source>
        <translation>已取消：此文件没有导入任何内容</translation>
    </message>
    <message>
        <source>Not imported: the columns were not mapped</source>
        <translation>未导入：没有对应列</translation>
    </message>
    <message>
        <source>Imported; some rows were rejected (listed below)</source>
        <translation>已导入；部分行被拒绝（见下方列表）</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Recognised as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Orders added</source>
        <translation>新增订单</translation>
    </message>
    <message>
        <source>Orders updated</source>
        <translation>更新订单</translation>
    </message>
    <message>
        <source>Buyers added</source>
        <translation>新增买家</translation>
    </message>
    <message>
        <source>Rows rejected</source>
        <translation>拒绝行数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Importing {n} file(s)…</source>
        <translation>正在导入 {n} 个文件…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>Import cancelled. The database is as it was before.</source>
        <translation>导入已取消，数据库保持原样。</translation>
    </message>
    <message>
        <source>Imported {n} of {total} file(s): {orders} orders added.</source>
        <translation>已导入 {n}/{total} 个文件：新增 {orders} 个订单。</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import summary</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>{imported} of {total} files imported: {added} orders added, {updated} orders updated, {buyers} new buyers, {rejected} rows rejected.</source>
        <translation>已导入 {imported}/{total} 个文件：新增订单 {added} 个，更新订单 {updated} 个，新增买家 {buyers} 位，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>Rejected rows ({n})</source>
        <translation>被拒绝的行（{n}）</translation>
    </message>
    <message>
        <source>These rows were skipped; the rest of each file was imported. Fix them in the file and import it again: orders already imported are updated, not doubled.</source>
        <translation>这些行被跳过，文件的其余部分已导入。在文件中改正后重新导入即可：已导入的订单会被更新，不会重复。</translation>
    </message>
    <message>
        <source>Only the first {kept} are listed.</source>
        <translation>只列出前 {kept} 行。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all rows) to paste into Excel</source>
        <translation>复制选中的行（未选中则复制全部），可直接粘贴到 Excel</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{file}: cancelled, nothing from this file was imported.</source>
        <translation>{file}：已取消，此文件没有导入任何内容。</translation>
    </message>
    <message>
        <source>{file}: not imported, because its columns were not mapped. Import it again to map them.</source>
        <translation>{file}：未导入，因为没有对应列。重新导入此文件即可对应列。</translation>
    </message>
    <message>
        <source>rejected-rows.csv</source>
        <translation>被拒绝的行.csv</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>导出被拒绝的行</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV 文件，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>ImportsLogModel</name>
    <message>
        <source>{path}
Layout: {layout} · Encoding: {encoding}
Lines added: {lines} · Refunds added: {refunds}</source>
        <translation>{path}
格式：{layout} · 编码：{encoding}
新增商品行：{lines} · 新增退款：{refunds}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Orders added</source>
        <translation>新增订单</translation>
    </message>
    <message>
        <source>Orders updated</source>
        <translation>更新订单</translation>
    </message>
    <message>
        <source>Lines / refunds added</source>
        <translation>新增明细/退款</translation>
    </message>
    <message>
        <source>Rows rejected</source>
        <translation>拒绝行数</translation>
    </message>
    <message>
        <source>Buyers added</source>
        <translation>新增买家</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>(no shop name in the files)</source>
        <translation>（文件中没有店铺名）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>The imported files do not show refunds, so this figure cannot be worked out. Import an order report that has the refund amount column, or the platform&apos;s refund export.</source>
        <translation>已导入的文件里没有退款信息，所以无法算出这个数字。请导入带“退款金额”列的订单报表，或平台的退款导出文件。</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import order exports (CSV or Excel); you can also drag files onto the window</source>
        <translation>导入订单导出文件（CSV 或 Excel）；也可以直接把文件拖到窗口上</translation>
    </message>
    <message>
        <source>&amp;Open shop database…</source>
        <translation>打开店铺数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Work on another shop file</source>
        <translation>切换到另一个店铺文件</translation>
    </message>
    <message>
        <source>&amp;Back up shop database…</source>
        <translation>备份店铺数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Save a complete copy of this shop file</source>
        <translation>保存此店铺文件的完整副本</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>语言 / Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SellerDesk</source>
        <translation>关于店铺客户运营台(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open the shop database</source>
        <translation>无法打开店铺数据库</translation>
    </message>
    <message>
        <source>Already open in another SellerDesk window</source>
        <translation>已在另一个窗口中打开</translation>
    </message>
    <message>
        <source>{file} is already open in another SellerDesk window.

You can still work on it here: SQLite keeps the data safe, and an import started in one window waits for the other one to finish. Figures in the other window update when it next refreshes.

Open it here too?</source>
        <translation>{file} 已在另一个店铺客户运营台窗口中打开。

你仍然可以在这里使用它：数据由 SQLite 保护，不会损坏；一个窗口里开始的导入会等另一个窗口的导入完成。另一个窗口中的数字会在它下次刷新时更新。

仍要在这里打开吗？</translation>
    </message>
    <message>
        <source>Please wait: SellerDesk is still working on the previous task.</source>
        <translation>请稍候：上一个任务还在进行中。</translation>
    </message>
    <message>
        <source>Import order exports</source>
        <translation>导入订单导出文件</translation>
    </message>
    <message>
        <source>Platform exports (*.csv *.xlsx *.xls *.txt);;All files (*)</source>
        <translation>平台导出文件 (*.csv *.xlsx *.xls *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <source>Building the demo shop…</source>
        <translation>正在生成演示店铺…</translation>
    </message>
    <message>
        <source>Demo shop ready: the orders are made up, try anything.</source>
        <translation>演示店铺已生成：订单都是虚构的，可以随意尝试。</translation>
    </message>
    <message>
        <source>Demo shop cancelled.</source>
        <translation>已取消生成演示店铺。</translation>
    </message>
    <message>
        <source>SellerDesk</source>
        <translation>店铺客户运营台 SellerDesk</translation>
    </message>
    <message>
        <source>Also open in another SellerDesk window</source>
        <translation>另一个窗口也打开了此店铺</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>all statuses, each order once</source>
        <translation>所有状态，每个订单计一次</translation>
    </message>
    <message>
        <source>Countable orders</source>
        <translation>有效订单</translation>
    </message>
    <message>
        <source>paid, not closed or fully refunded</source>
        <translation>已付款，未关闭、未全额退款</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>counted per platform</source>
        <translation>按平台分别计算</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>{share} of buyers (2+ countable orders)</source>
        <translation>占买家 {share}（有效订单 2 个及以上）</translation>
    </message>
    <message>
        <source>Paid total</source>
        <translation>实付总额</translation>
    </message>
    <message>
        <source>what buyers paid for countable orders</source>
        <translation>有效订单的买家实付金额</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>paid total less refunds</source>
        <translation>实付总额减去退款</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>refunded orders: {n}</source>
        <translation>退款订单 {n} 个</translation>
    </message>
    <message>
        <source>Orders placed</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>first and last order date</source>
        <translation>最早与最近的下单日期</translation>
    </message>
    <message>
        <source>refund information not in the files</source>
        <translation>文件中没有退款信息</translation>
    </message>
    <message>
        <source>By platform and shop</source>
        <translation>按平台和店铺</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>已导入的文件</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>1688</source>
        <translation>1688</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ShopFiguresModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Countable orders</source>
        <translation>有效订单</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>Repeat share</source>
        <translation>老客占比</translation>
    </message>
    <message>
        <source>Paid total</source>
        <translation>实付总额</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refunded orders</source>
        <translation>退款订单</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>最早订单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
</context>
<context>
    <name>ShopFiles</name>
    <message>
        <source>SellerDesk shop (*.sqlite *.db);;All files (*)</source>
        <translation>店铺数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open or create a shop database</source>
        <translation>打开或新建店铺数据库</translation>
    </message>
    <message>
        <source>Back up the shop database</source>
        <translation>备份店铺数据库</translation>
    </message>
    <message>
        <source>Backup saved: {path}</source>
        <translation>备份已保存：{path}</translation>
    </message>
    <message>
        <source>Backup cancelled; no backup file was written.</source>
        <translation>备份已取消，没有写入备份文件。</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backing up the shop database…</source>
        <translation>正在备份店铺数据库…</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling… the current step is being undone, nothing half-done is kept.</source>
        <translation>正在取消…当前步骤正在撤销，不会留下做了一半的数据。</translation>
    </message>
</context>
</TS>
