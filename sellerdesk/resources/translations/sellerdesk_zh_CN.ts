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
    <name>AgendaModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Group / channel</source>
        <translation>人群 / 渠道</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>ApplyPlaybookDialog</name>
    <message>
        <source>Main day {day}. Creates {n} tasks from {first} to {last}, in {p} phases; move them later if the platform announces other dates.</source>
        <translation>活动正日 {day}。将创建 {n} 个任务（{first} 至 {last}，共 {p} 个阶段）；平台公布的日期不同时，可以整体平移。</translation>
    </message>
    <message>
        <source>No playbook to apply.</source>
        <translation>没有可用的活动方案。</translation>
    </message>
    <message>
        <source>Apply a playbook</source>
        <translation>套用活动方案</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>大促节日</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Create it even if this festival already has a campaign this year</source>
        <translation>即使该节日今年已有活动，也再创建一个</translation>
    </message>
    <message>
        <source>Create tasks</source>
        <translation>创建任务</translation>
    </message>
</context>
<context>
    <name>AtRiskModel</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Problems (90 days)</source>
        <translation>问题次数（90 天内）</translation>
    </message>
    <message>
        <source>Seller&apos;s fault still open</source>
        <translation>卖家责任未结案</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <source>Nick</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation>省 / 市</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首单日期</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Countable orders</source>
        <translation>有效订单</translation>
    </message>
    <message>
        <source>Paid total</source>
        <translation>实付总额</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Orders with a refund</source>
        <translation>有退款的订单</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>This buyer is no longer in the shop.</source>
        <translation>该买家已不在店铺数据中。</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>The full number is shown only on request; each time is logged (who and when).</source>
        <translation>完整号码仅在点击后显示，每次查看都会记录（查看人和时间）。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Tags and note</source>
        <translation>标签和备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Phone number shown to</source>
        <translation>完整号码查看记录</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove selected tag</source>
        <translation>移除选中标签</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Buyer {nick}</source>
        <translation>买家 {nick}</translation>
    </message>
    <message>
        <source>Groups: {groups}</source>
        <translation>所属分组：{groups}</translation>
    </message>
    <message>
        <source>Why in this RFM class: {why}</source>
        <translation>RFM 分类依据：{why}</translation>
    </message>
</context>
<context>
    <name>BuyerLinesModel</name>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>BuyerOrdersModel</name>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
</context>
<context>
    <name>BuyerRefundsModel</name>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Refund number</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>BuyerTableModel</name>
    <message>
        <source>Nick</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首单日期</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>有效订单</translation>
    </message>
    <message>
        <source>Paid total</source>
        <translation>实付总额</translation>
    </message>
    <message>
        <source>Avg. order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所属分组</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Countable orders: paid, not closed or fully refunded</source>
        <translation>有效订单：已付款，未关闭且未全额退款</translation>
    </message>
    <message>
        <source>Average order value (paid total / countable orders)</source>
        <translation>客单价（实付总额 ÷ 有效订单数）</translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message>
        <source>Playbooks</source>
        <translation>活动方案</translation>
    </message>
    <message>
        <source>Campaign “{name}” created: its tasks are on the calendar.</source>
        <translation>活动“{name}”已创建，任务已排进日历。</translation>
    </message>
    <message>
        <source>No campaign yet: apply a playbook first</source>
        <translation>还没有活动：请先套用一个方案</translation>
    </message>
    <message>
        <source>Show on the calendar</source>
        <translation>在日历中查看</translation>
    </message>
    <message>
        <source>Move to other dates…</source>
        <translation>平移到其他日期…</translation>
    </message>
    <message>
        <source>Export as .ics…</source>
        <translation>导出为 .ics…</translation>
    </message>
    <message>
        <source>Save as a playbook for next year…</source>
        <translation>保存为方案（明年复用）…</translation>
    </message>
    <message>
        <source>Delete the campaign and its tasks…</source>
        <translation>删除该活动及其任务…</translation>
    </message>
    <message>
        <source>“{name}” moved by {days} day(s).</source>
        <translation>“{name}”已平移 {days} 天。</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “{name}” and all its tasks? Outreach lists already exported stay recorded.</source>
        <translation>删除“{name}”及其全部任务？已导出的触达名单记录会保留。</translation>
    </message>
    <message>
        <source>Save as a playbook</source>
        <translation>保存为方案</translation>
    </message>
    <message>
        <source>Name of the playbook (its tasks keep their days before/after the main day):</source>
        <translation>方案名称（任务保留相对活动正日的前后天数）：</translation>
    </message>
    <message>
        <source>{name} (our plan)</source>
        <translation>{name}（本店方案）</translation>
    </message>
    <message>
        <source>Playbook “{name}” saved: apply it next year.</source>
        <translation>方案“{name}”已保存，明年可直接套用。</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>{n} entries written to {path}: open it with your phone&apos;s or computer&apos;s calendar.</source>
        <translation>已写入 {n} 条日程到 {path}，可用手机或电脑的日历打开。</translation>
    </message>
    <message>
        <source>Import a calendar file</source>
        <translation>导入日历文件</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>日历文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{file}: {updated} task(s) updated, {added} event(s) added, {skipped} skipped.</source>
        <translation>{file}：更新 {updated} 个任务，新增 {added} 个事件，跳过 {skipped} 条。</translation>
    </message>
    <message>
        <source>Target saved with the campaign.</source>
        <translation>目标已保存到活动。</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Your events…</source>
        <translation>本店事件…</translation>
    </message>
    <message>
        <source>Export this year as .ics (phone calendars)…</source>
        <translation>导出今年日历为 .ics（手机日历）…</translation>
    </message>
    <message>
        <source>Import an .ics file…</source>
        <translation>导入 .ics 文件…</translation>
    </message>
    <message>
        <source>Edit playbooks…</source>
        <translation>编辑活动方案…</translation>
    </message>
    <message>
        <source>Target breakdown…</source>
        <translation>目标拆解…</translation>
    </message>
    <message>
        <source>Staff and reminders…</source>
        <translation>人员与提醒…</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>Public holidays for {years} are not published in SellerDesk&apos;s holiday data yet: the calendar shows that year without them.</source>
        <translation>{years} 年的法定节假日安排尚未收录（通常国务院在上一年 11–12 月公布），日历暂不显示该年的放假和调休。</translation>
    </message>
    <message>
        <source>{n} task(s), {late} late</source>
        <translation>共 {n} 个任务，{late} 个已逾期</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Reminder for “{title}” snoozed until {time}.</source>
        <translation>“{title}”的提醒已推迟到 {time}。</translation>
    </message>
    <message>
        <source>New task on this day…</source>
        <translation>在这天新建任务…</translation>
    </message>
    <message>
        <source>New event on this day…</source>
        <translation>在这天新建事件…</translation>
    </message>
    <message>
        <source>This day&apos;s tasks in the list</source>
        <translation>在列表中查看这天的任务</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Back to to-do</source>
        <translation>改回待办</translation>
    </message>
    <message>
        <source>Show on the calendar</source>
        <translation>在日历中查看</translation>
    </message>
    <message>
        <source>Make the outreach list…</source>
        <translation>生成触达名单…</translation>
    </message>
    <message>
        <source>Promo calendar</source>
        <translation>大促日历</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous month (PgUp)</source>
        <translation>上个月 (PgUp)</translation>
    </message>
    <message>
        <source>Next month (PgDown)</source>
        <translation>下个月 (PgDown)</translation>
    </message>
    <message>
        <source>Apply a playbook…</source>
        <translation>套用活动方案…</translation>
    </message>
    <message>
        <source>A task on the selected day (Ctrl+N; or double-click a day)</source>
        <translation>在选中的日期新建任务（Ctrl+N，或双击日期）</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Done / undo</source>
        <translation>完成 / 撤销</translation>
    </message>
    <message>
        <source>This month (late first)</source>
        <translation>本月（逾期优先）</translation>
    </message>
    <message>
        <source>The selected day</source>
        <translation>选中的日期</translation>
    </message>
    <message>
        <source>Next 30 days (late first)</source>
        <translation>未来 30 天（逾期优先）</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Case for order {no} logged.</source>
        <translation>订单 {no} 的售后已记录。</translation>
    </message>
    <message>
        <source>Log the case</source>
        <translation>记录售后</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>给出的方案</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Cost to the shop</source>
        <translation>店铺成本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>e.g. exchange + free shipping, a small gift, ¥5 back</source>
        <translation>例如：换货包邮、送小礼物、退 5 元</translation>
    </message>
    <message>
        <source>remind me on</source>
        <translation>提醒日期</translation>
    </message>
    <message>
        <source>Log case (Ctrl+S)</source>
        <translation>记录售后 (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Logged</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单数</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Exchanges that saved a refund</source>
        <translation>换货挽留率</translation>
    </message>
    <message>
        <source>{ex} exchanged, {re} refunded (buyer&apos;s reasons)</source>
        <translation>换货 {ex} 单，退款 {re} 单（买家原因）</translation>
    </message>
    <message>
        <source>Compensation per case</source>
        <translation>单均补偿</translation>
    </message>
    <message>
        <source>{total} in all</source>
        <translation>合计 {total}</translation>
    </message>
    <message>
        <source>Open past follow-up</source>
        <translation>逾期未跟进</translation>
    </message>
    <message>
        <source>{n} buyer(s) at risk of a bad review</source>
        <translation>{n} 位买家有差评风险</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Dates below</source>
        <translation>按下方日期</translation>
    </message>
    <message>
        <source>By reason</source>
        <translation>按原因</translation>
    </message>
    <message>
        <source>Return rate per item</source>
        <translation>商品退货率</translation>
    </message>
    <message>
        <source>Past follow-up</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Buyers at risk</source>
        <translation>风险买家</translation>
    </message>
</context>
<context>
    <name>ChannelGrid</name>
    <message>
        <source>“{text}” is not a figure: type a number such as 1,234.50.</source>
        <translation>“{text}”不是有效数字，请输入如 1,234.50 的数字。</translation>
    </message>
    <message>
        <source>No spend or traffic entered for these days: the report&apos;s channel section will say so. Type the figures from each ad tool, or import its xlsx.</source>
        <translation>这段时间还没有录入花费和流量：报告的渠道部分会注明。请按各推广工具的数据录入，或导入其导出的 xlsx。</translation>
    </message>
    <message>
        <source>Total: spend {spend}, sales {sales}, ROI {roi}, {uv} visitors</source>
        <translation>合计：花费 {spend}，成交 {sales}，ROI {roi}，访客 {uv}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Import spend and traffic</source>
        <translation>导入花费和流量</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……还有 {n} 条</translation>
    </message>
    <message>
        <source>{file} was not imported (nothing saved):</source>
        <translation>{file} 未导入（没有保存任何数据）：</translation>
    </message>
    <message>
        <source>{file}: {added} row(s) added, {updated} updated.</source>
        <translation>{file}：新增 {added} 行，更新 {updated} 行。</translation>
    </message>
    <message>
        <source>Spend and traffic per channel</source>
        <translation>各渠道花费与流量</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除选中</translation>
    </message>
    <message>
        <source>Save figures</source>
        <translation>保存数据</translation>
    </message>
    <message>
        <source>Import xlsx…</source>
        <translation>导入 xlsx…</translation>
    </message>
</context>
<context>
    <name>ChannelMapping</name>
    <message>
        <source>Columns of {file}</source>
        <translation>{file} 的列</translation>
    </message>
    <message>
        <source>(not in this file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>(from the channel column)</source>
        <translation>（按渠道列）</translation>
    </message>
    <message>
        <source>Whole file is the channel</source>
        <translation>整个文件属于渠道</translation>
    </message>
    <message>
        <source>Choose the column of each figure; SellerDesk remembers it for files with the same columns.</source>
        <translation>请为每项数据选择对应的列；相同表头的文件以后会自动记住。</translation>
    </message>
</context>
<context>
    <name>ChannelModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>花费（元）</translation>
    </message>
    <message>
        <source>Visitors (UV)</source>
        <translation>访客数（UV）</translation>
    </message>
    <message>
        <source>Page views (PV)</source>
        <translation>浏览量（PV）</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击量</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>成交笔数</translation>
    </message>
    <message>
        <source>Sales (¥)</source>
        <translation>成交金额（元）</translation>
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
    <name>ConditionRow</name>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Amount in yuan, such as 129.00</source>
        <translation>金额（元），例如 129.00</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, such as 129.00.</source>
        <translation>请填写金额（元），例如 129.00。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount in yuan; write it like 129.00.</source>
        <translation>“{text}”不是有效金额，请写成 129.00 这样的格式。</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>1 buyer</source>
        <translation>1 位买家</translation>
    </message>
    <message>
        <source>{n} buyers</source>
        <translation>{n} 位买家</translation>
    </message>
    <message>
        <source>matching “{text}”</source>
        <translation>匹配“{text}”</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Groups and figures count the orders placed up to the end of this day.</source>
        <translation>分组和数据只统计截至这一天结束前的订单。</translation>
    </message>
    <message>
        <source>Search nick, name, phone digits or order number</source>
        <translation>搜索昵称、姓名、手机号数字或订单号</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag selected buyers…</source>
        <translation>给选中的买家打标签…</translation>
    </message>
    <message>
        <source>Remove a tag from selected buyers…</source>
        <translation>移除选中买家的标签…</translation>
    </message>
    <message>
        <source>Tag the whole group…</source>
        <translation>给整个分组打标签…</translation>
    </message>
    <message>
        <source>Remove a tag from the whole group…</source>
        <translation>移除整个分组的标签…</translation>
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
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. Shop anniversary, Juhuasuan slot</source>
        <translation>例如：店庆、聚划算档期</translation>
    </message>
    <message>
        <source>Every year on these dates</source>
        <translation>每年同一日期</translation>
    </message>
    <message>
        <source> (every year)</source>
        <translation>（每年）</translation>
    </message>
    <message>
        <source>Your events</source>
        <translation>本店事件</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
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
    <name>GroupActions</name>
    <message>
        <source>Groups</source>
        <translation>分组操作</translation>
    </message>
    <message>
        <source>Export an outreach list of this group…</source>
        <translation>导出该分组的触达名单…</translation>
    </message>
    <message>
        <source>New custom group…</source>
        <translation>新建自定义分组…</translation>
    </message>
    <message>
        <source>Edit this custom group…</source>
        <translation>编辑该自定义分组…</translation>
    </message>
    <message>
        <source>Group settings…</source>
        <translation>分组设置…</translation>
    </message>
</context>
<context>
    <name>GroupSettingsDialog</name>
    <message>
        <source>Customer group settings</source>
        <translation>客户分组设置</translation>
    </message>
    <message>
        <source>Built-in groups</source>
        <translation>内置分组</translation>
    </message>
    <message>
        <source>Active: a countable order within (days):</source>
        <translation>活跃客户：最近有效下单在（天）以内：</translation>
    </message>
    <message>
        <source>Loyal: at least (countable orders):</source>
        <translation>忠诚客户：有效订单至少（笔）：</translation>
    </message>
    <message>
        <source>Dormant high-value: no order for (days):</source>
        <translation>沉睡高价值客户：未下单至少（天）：</translation>
    </message>
    <message>
        <source>High-value: the top share by paid total:</source>
        <translation>高价值：消费总额排名前：</translation>
    </message>
    <message>
        <source>Likely second purchase: first order within (days):</source>
        <translation>潜在复购：首单在（天）以内：</translation>
    </message>
    <message>
        <source>RFM scoring</source>
        <translation>RFM 评分</translation>
    </message>
    <message>
        <source>Scores from:</source>
        <translation>评分方式：</translation>
    </message>
    <message>
        <source>Quintiles of this shop&apos;s buyers (measured)</source>
        <translation>按本店买家五分位（自动测算）</translation>
    </message>
    <message>
        <source>The shop&apos;s own cut-offs</source>
        <translation>自定义分档</translation>
    </message>
    <message>
        <source>Four cut-offs each, from score 5 down to score 1:</source>
        <translation>每项 4 个分档，从 5 分到 1 分：</translation>
    </message>
    <message>
        <source>R: last order within (days)</source>
        <translation>R：最近下单在（天）以内</translation>
    </message>
    <message>
        <source>F: at least (orders)</source>
        <translation>F：订单至少（笔）</translation>
    </message>
    <message>
        <source>M: paid at least (yuan)</source>
        <translation>M：消费至少（元）</translation>
    </message>
    <message>
        <source>A score counts as high from:</source>
        <translation>评分算作“高”的起点：</translation>
    </message>
    <message>
        <source>Member tiers (lowest first)</source>
        <translation>会员等级（从低到高）</translation>
    </message>
    <message>
        <source>A buyer reaches a tier by the paid amount OR the number of orders; the highest tier reached counts. About 80% of members should stay in the lowest tier.</source>
        <translation>买家的消费金额或订单数任一达到门槛即可升级，取达到的最高等级。约 80% 的会员应停留在最低等级。</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Coupon suggestion (满X减Y)</source>
        <translation>优惠券建议（满X减Y）</translation>
    </message>
    <message>
        <source>Threshold as a share of the average order:</source>
        <translation>门槛为客单价的：</translation>
    </message>
    <message>
        <source>Discount as a share of the threshold:</source>
        <translation>优惠为门槛的：</translation>
    </message>
    <message>
        <source>Example average order (yuan):</source>
        <translation>示例客单价（元）：</translation>
    </message>
    <message>
        <source>Suggested coupon: {coupon} (a real discount of {rate})</source>
        <translation>建议优惠券：{coupon}（实际优惠 {rate}）</translation>
    </message>
    <message>
        <source>Type an average order such as 120.</source>
        <translation>请填写客单价，例如 120。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount in yuan.</source>
        <translation>“{text}”不是有效金额（元）。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The settings could not be saved</source>
        <translation>设置未能保存</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>New / repeat</source>
        <translation>新客 / 老客</translation>
    </message>
    <message>
        <source>Promotion classes</source>
        <translation>活动分层</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Member tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Custom groups</source>
        <translation>自定义分组</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>买家数</translation>
    </message>
    <message>
        <source>% buyers</source>
        <translation>买家占比</translation>
    </message>
    <message>
        <source>% revenue</source>
        <translation>销售额占比</translation>
    </message>
    <message>
        <source>All buyers</source>
        <translation>全部买家</translation>
    </message>
    <message>
        <source>Counting the groups…</source>
        <translation>正在计算分组…</translation>
    </message>
    <message>
        <source>Every buyer in the shop, as of {day}.</source>
        <translation>店铺的全部买家（截至 {day}）。</translation>
    </message>
    <message>
        <source>Coupon suggestion: none (no countable orders in this group).</source>
        <translation>优惠券建议：无（该分组没有有效订单）。</translation>
    </message>
    <message>
        <source>Average order {aov}. Coupon suggestion: {coupon} (a {rate} discount).</source>
        <translation>客单价 {aov}。优惠券建议：{coupon}（相当于优惠 {rate}）。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际占比</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标占比</translation>
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
    <name>ItemRatesModel</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单数</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>退货率</translation>
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
    <name>LibraryView</name>
    <message>
        <source>built-in, edited</source>
        <translation>内置（已修改）</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>this shop&apos;s</source>
        <translation>本店自建</translation>
    </message>
    <message>
        <source>Script library</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>Import scripts</source>
        <translation>导入话术</translation>
    </message>
    <message>
        <source>Script library (*.json)</source>
        <translation>话术库文件 (*.json)</translation>
    </message>
    <message>
        <source>{n} script(s) imported from {file}.</source>
        <translation>已从 {file} 导入 {n} 条话术。</translation>
    </message>
    <message>
        <source>Export scripts</source>
        <translation>导出话术</translation>
    </message>
    <message>
        <source>{n} script(s) written to {file}.</source>
        <translation>已将 {n} 条话术写入 {file}。</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Script (tick: in use)</source>
        <translation>话术（勾选＝启用）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>语气</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Tone variant…</source>
        <translation>另一种语气…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete / reset</source>
        <translation>删除 / 恢复默认</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <source>No order or buyer matches “{q}”. Scripts still work: they are filled with neutral wording.</source>
        <translation>没有找到与“{q}”匹配的订单或买家。话术照常可用，会以通用称呼填充。</translation>
    </message>
    <message>
        <source>{n} match(es): the first is chosen.</source>
        <translation>找到 {n} 个匹配，已选中第一个。</translation>
    </message>
    <message>
        <source>Orders ({n})</source>
        <translation>订单 ({n})</translation>
    </message>
    <message>
        <source>Items ({n})</source>
        <translation>商品 ({n})</translation>
    </message>
    <message>
        <source>Refunds ({n})</source>
        <translation>退款 ({n})</translation>
    </message>
    <message>
        <source>Cases ({n})</source>
        <translation>售后记录 ({n})</translation>
    </message>
    <message>
        <source>Paste an order number, or type a nick, a name or the last 4 phone digits (Ctrl+L)</source>
        <translation>粘贴订单号，或输入昵称、姓名、手机后四位 (Ctrl+L)</translation>
    </message>
    <message>
        <source>(unknown buyer)</source>
        <translation>（未知买家）</translation>
    </message>
    <message>
        <source>{nick} · {name} · {phone}</source>
        <translation>{nick} · {name} · {phone}</translation>
    </message>
    <message>
        <source>Repeat buyer</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>New buyer</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Tier: {tier}</source>
        <translation>等级：{tier}</translation>
    </message>
    <message>
        <source>RFM: {cls}</source>
        <translation>RFM：{cls}</translation>
    </message>
    <message>
        <source>{n} earlier case(s)</source>
        <translation>以往售后 {n} 次</translation>
    </message>
    <message>
        <source>Order {no} is not in this shop&apos;s data</source>
        <translation>订单 {no} 不在本店数据中</translation>
    </message>
    <message>
        <source>Replying about order {no}</source>
        <translation>正在回复订单 {no}</translation>
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
        <source>SellerDesk reminder</source>
        <translation>店铺客户运营台提醒</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>还有 {n} 条</translation>
    </message>
    <message>
        <source>SellerDesk</source>
        <translation>店铺客户运营台 SellerDesk</translation>
    </message>
    <message>
        <source>Also open in another SellerDesk window</source>
        <translation>另一个窗口也打开了此店铺</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Customer groups</source>
        <translation>客户分组</translation>
    </message>
    <message>
        <source>Promo calendar</source>
        <translation>大促日历</translation>
    </message>
    <message>
        <source>Returns and exchanges</source>
        <translation>退换货</translation>
    </message>
    <message>
        <source>Retrospective report</source>
        <translation>复盘报告</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <source>{n} characters, billed as {parts} SMS</source>
        <translation>共 {n} 字，按 {parts} 条短信计费</translation>
    </message>
    <message>
        <source>Up to {single} characters is one message; longer texts are billed per {part} characters. The 【signature】 and the opt-out count too; fields change the length per buyer (the preview shows the longest).</source>
        <translation>{single} 字以内按 1 条计费；超过后每 {part} 字计 1 条。【签名】和退订说明也计入字数；字段会让每位买家的字数不同（预览中显示最长的一条）。</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>共 {n} 字</translation>
    </message>
    <message>
        <source>Text B (optional: fill it to split A/B)</source>
        <translation>文案 B（可选：填写后进行 A/B 分组测试）</translation>
    </message>
    <message>
        <source>Leave empty to send text A to everyone contacted.</source>
        <translation>留空则所有触达的买家都收到文案 A。</translation>
    </message>
    <message>
        <source>Text A</source>
        <translation>文案 A</translation>
    </message>
    <message>
        <source>【Shop name】{name}, your {last_item} ... Reply T to unsubscribe</source>
        <translation>【店铺名】{name}您好，您买过的{last_item}……退订回T</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>插入字段</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 项</translation>
    </message>
    <message>
        <source>off</source>
        <translation>休</translation>
    </message>
    <message>
        <source>work</source>
        <translation>班</translation>
    </message>
</context>
<context>
    <name>MoveCampaignDialog</name>
    <message>
        <source>Move “{name}”</source>
        <translation>平移“{name}”</translation>
    </message>
    <message>
        <source>Main day now: {day}</source>
        <translation>当前活动正日：{day}</translation>
    </message>
    <message>
        <source>New main day</source>
        <translation>新的活动正日</translation>
    </message>
    <message>
        <source>Every task and phase moves by {days} day(s); times of day, checklists and notes stay as they are.</source>
        <translation>所有任务和阶段平移 {days} 天；时刻、清单和备注保持不变。</translation>
    </message>
    <message>
        <source>Pick the day the platform announced.</source>
        <translation>请选择平台公布的日期。</translation>
    </message>
</context>
<context>
    <name>NotesEditor</name>
    <message>
        <source>Last time ({start} – {end}):
Lessons: {lessons}
Next time: {next}</source>
        <translation>上次（{start} 至 {end}）：
经验教训：{lessons}
下次改进：{next}</translation>
    </message>
    <message>
        <source>Notes saved: they go into the report.</source>
        <translation>备注已保存，会写入报告。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lessons (what went well, what did not)</source>
        <translation>经验教训（做得好的、不足的）</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next time</source>
        <translation>下次改进</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
</context>
<context>
    <name>OutreachDialog</name>
    <message>
        <source>Outreach list: {group}</source>
        <translation>触达名单：{group}</translation>
    </message>
    <message>
        <source>{group}: {n} buyers (as of {date}); suggested coupon {coupon}</source>
        <translation>{group}：{n} 位买家（截至 {date}）；建议优惠券 {coupon}</translation>
    </message>
    <message>
        <source>This group has no buyers: there is nothing to export.</source>
        <translation>该分组没有买家，没有可导出的内容。</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>触达方式：</translation>
    </message>
    <message>
        <source>Send at:</source>
        <translation>发送时间：</translation>
    </message>
    <message>
        <source>Holdout (control group):</source>
        <translation>对照组比例：</translation>
    </message>
    <message>
        <source>A random share of the group that gets nothing, so a later report can compare who bought afterwards.</source>
        <translation>随机留出一部分买家不发送，之后的复盘可以对比谁在触达后下了单。</translation>
    </message>
    <message>
        <source>A/B split: the contacted buyers are split evenly between text A and text B.</source>
        <translation>A/B 分组：触达的买家平均分成两组，分别收到文案 A 和文案 B。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Preparing the list…</source>
        <translation>正在生成名单…</translation>
    </message>
    <message>
        <source>Click Preview to see the recipients before exporting.</source>
        <translation>导出前请先点击“预览”查看收件人。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>SMS billed in total: {parts} messages; the longest text has {n} characters ({p} messages).</source>
        <translation>短信共计费 {parts} 条；最长的一条 {n} 字（{p} 条）。</translation>
    </message>
    <message>
        <source>The first {shown} of {n} recipients:</source>
        <translation>{n} 位收件人中的前 {shown} 位：</translation>
    </message>
    <message>
        <source>Wrote {n} recipients to {path}. The outreach is recorded.</source>
        <translation>已将 {n} 位收件人写入 {path}，本次触达已记录。</translation>
    </message>
    <message>
        <source>Export the outreach list</source>
        <translation>导出触达名单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>The list could not be exported</source>
        <translation>名单未能导出</translation>
    </message>
    <message>
        <source>The preview could not be prepared</source>
        <translation>无法生成预览</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Buyer account</source>
        <translation>买家账号</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可触达</translation>
    </message>
    <message>
        <source>holdout</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
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
    <name>PlaybookEditor</name>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>起始天</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>结束天</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>持续天数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>文案</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>活动方案</translation>
    </message>
    <message>
        <source>Saved. Campaigns applied from now on use it.</source>
        <translation>已保存，之后套用的活动将使用此方案。</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Days count from the festival&apos;s main day: 0 is the day, -10 ten days before, 3 three days after. Time and Until as 20:00. Groups: active, loyal, general, new, repeat, dormant_high_value, second_purchase_window, all. Channels: sms, email, phone.</source>
        <translation>天数从活动正日算起：0 为当天，-10 为提前 10 天，3 为之后 3 天。时刻与截止写作 20:00。人群：active（活跃）、loyal（忠诚）、general（一般）、new（新客）、repeat（老客）、dormant_high_value（沉睡高价值）、second_purchase_window（复购窗口）、all（全部）。渠道：sms、email、phone。</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除选中</translation>
    </message>
    <message>
        <source>Save playbook</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <source>Reset to built-in</source>
        <translation>恢复内置方案</translation>
    </message>
</context>
<context>
    <name>ReasonCountsModel</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单数</translation>
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
    <name>ReminderBanner</name>
    <message>
        <source>In {n} minutes</source>
        <translation>{n} 分钟后</translation>
    </message>
    <message>
        <source>Tomorrow 09:00</source>
        <translation>明天 09:00</translation>
    </message>
    <message>
        <source>Reminder: {title} — {when}</source>
        <translation>提醒：{title} — {when}</translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation>（还有 {n} 条）</translation>
    </message>
    <message>
        <source>Promo calendar: {late} late task(s), {today} due today.</source>
        <translation>大促日历：{late} 个任务已逾期，今天到期 {today} 个。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReplyDesk</name>
    <message>
        <source>No script has the shortcut Ctrl+{n}: give one in the script library.</source>
        <translation>没有话术设置快捷键 Ctrl+{n}：可在话术库中设置。</translation>
    </message>
    <message>
        <source>Log the case</source>
        <translation>记录售后</translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message>
        <source>Pick a situation (or Ctrl+1 … Ctrl+9, Ctrl+K to search)</source>
        <translation>选择情形（或按 Ctrl+1 … Ctrl+9，Ctrl+K 搜索）</translation>
    </message>
    <message>
        <source>Recommended: {text}</source>
        <translation>建议处理：{text}</translation>
    </message>
    <message>
        <source>The order is not in this shop&apos;s data: the messages use neutral wording instead of the buyer&apos;s details.</source>
        <translation>该订单不在本店数据中：话术使用通用称呼，未填入买家信息。</translation>
    </message>
    <message>
        <source>No order chosen: the messages use neutral wording.</source>
        <translation>未选择订单：话术使用通用称呼。</translation>
    </message>
    <message>
        <source>Message {i} of {n} copied: paste it in the chat.</source>
        <translation>已复制第 {i}/{n} 条，粘贴到聊天窗口即可。</translation>
    </message>
    <message>
        <source>All messages copied.</source>
        <translation>全部消息已复制。</translation>
    </message>
    <message>
        <source>Copy next message (Ctrl+Enter)</source>
        <translation>复制下一条 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>compared with {start} – {end}</source>
        <translation>对比 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Report on {start} – {end} ({n} days) {compare}</source>
        <translation>报告期 {start} 至 {end}（{n} 天），{compare}</translation>
    </message>
    <message>
        <source>{label} retrospective.pdf</source>
        <translation>{label} 复盘.pdf</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>{pages} page(s) written to {path}</source>
        <translation>已生成 {pages} 页：{path}</translation>
    </message>
    <message>
        <source>Figures workbook: {path}</source>
        <translation>数据工作簿：{path}</translation>
    </message>
    <message>
        <source>Cancelled: no file written.</source>
        <translation>已取消，没有写入文件。</translation>
    </message>
    <message>
        <source>Retrospective report</source>
        <translation>复盘报告</translation>
    </message>
    <message>
        <source>Report on</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The same festival&apos;s campaign last year, or else the same number of days right before</source>
        <translation>去年同一大促的活动；没有则对比之前同样天数</translation>
    </message>
    <message>
        <source>Names and phone numbers in full, for a copy that stays in the shop (masked by default)</source>
        <translation>显示完整姓名和手机号，仅供店内留存（默认打码）</translation>
    </message>
    <message>
        <source>Full personal data (internal copy)</source>
        <translation>完整个人信息（内部留存）</translation>
    </message>
    <message>
        <source>Also save an xlsx workbook</source>
        <translation>同时保存 xlsx 数据</translation>
    </message>
    <message>
        <source>These dates</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>The report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Make the PDF report…</source>
        <translation>生成 PDF 报告…</translation>
    </message>
    <message>
        <source>Spend and traffic</source>
        <translation>花费与流量</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Scripts</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Case for order {no}</source>
        <translation>订单 {no} 的售后</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Cases and figures</source>
        <translation>售后记录与数据</translation>
    </message>
    <message>
        <source>Script library</source>
        <translation>话术库</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <source>New customer group</source>
        <translation>新建客户分组</translation>
    </message>
    <message>
        <source>Edit customer group “{name}”</source>
        <translation>编辑客户分组“{name}”</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>分组名称：</translation>
    </message>
    <message>
        <source>for example: Repeat buyers from Zhejiang</source>
        <translation>例如：浙江老客</translation>
    </message>
    <message>
        <source>Buyers who match</source>
        <translation>买家满足</translation>
    </message>
    <message>
        <source>all of these conditions</source>
        <translation>以下全部条件</translation>
    </message>
    <message>
        <source>any of these conditions</source>
        <translation>以下任一条件</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Save group</source>
        <translation>保存分组</translation>
    </message>
    <message>
        <source>Delete group…</source>
        <translation>删除分组…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>{n} buyers match (as of {date})</source>
        <translation>符合条件的买家：{n} 人（截至 {date}）</translation>
    </message>
    <message>
        <source>Fix the rule to see how many buyers match.</source>
        <translation>请先修正规则，再查看符合条件的人数。</translation>
    </message>
    <message>
        <source>Could not count the buyers: {error}</source>
        <translation>无法统计人数：{error}</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>请给分组起个名字。</translation>
    </message>
    <message>
        <source>Condition {n}: {reason}</source>
        <translation>条件 {n}：{reason}</translation>
    </message>
    <message>
        <source>In words: {text}</source>
        <translation>规则说明：{text}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The group could not be saved</source>
        <translation>分组未能保存</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <source>Delete the group “{name}”? Its buyers are not deleted.</source>
        <translation>删除分组“{name}”？分组里的买家不会被删除。</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>添加消息</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除选中</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>语气</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Recommended (Chinese)</source>
        <translation>建议处理（中文）</translation>
    </message>
    <message>
        <source>Recommended (English)</source>
        <translation>建议处理（英文）</translation>
    </message>
    <message>
        <source>Suggested outcome</source>
        <translation>建议结果</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Messages, in the order they are sent. Fields: {name} {nick} {item} {order} {amount} {coupon} {shop} {city} {days}</source>
        <translation>按发送顺序排列的消息。可用字段：{name} {nick} {item} {order} {amount} {coupon} {shop} {city} {days}</translation>
    </message>
</context>
<context>
    <name>ScriptList</name>
    <message>
        <source>seller&apos;s fault</source>
        <translation>卖家责任</translation>
    </message>
    <message>
        <source>buyer&apos;s reason</source>
        <translation>买家原因</translation>
    </message>
    <message>
        <source>care / other</source>
        <translation>关怀 / 其他</translation>
    </message>
    <message>
        <source>(used {n}×)</source>
        <translation>（已用 {n} 次）</translation>
    </message>
</context>
<context>
    <name>ScriptSearch</name>
    <message>
        <source>Find a script</source>
        <translation>查找话术</translation>
    </message>
    <message>
        <source>Words or pinyin initials, e.g. 尺码, size, fch (发错货), thyf (退货运费)</source>
        <translation>输入关键词或拼音首字母，例如：尺码、fch（发错货）、thyf（退货运费）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Staff and reminders</source>
        <translation>人员与提醒</translation>
    </message>
    <message>
        <source>One name per line, e.g. 小王</source>
        <translation>每行一个姓名，例如：小王</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Staff (task owners)</source>
        <translation>店铺人员（任务负责人）</translation>
    </message>
    <message>
        <source>Remind before a task starts</source>
        <translation>任务开始前提醒</translation>
    </message>
    <message>
        <source>A reminder also comes at the start of each task or window.</source>
        <translation>每个任务（或时间段）开始时也会提醒。</translation>
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
    <name>Tagging</name>
    <message>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Select buyers in the table first.</source>
        <translation>请先在表格中选择买家。</translation>
    </message>
    <message>
        <source>Tag {n} selected buyers with:</source>
        <translation>给选中的 {n} 位买家打上标签：</translation>
    </message>
    <message>
        <source>Remove from {n} selected buyers the tag:</source>
        <translation>从选中的 {n} 位买家移除标签：</translation>
    </message>
    <message>
        <source>All buyers</source>
        <translation>全部买家</translation>
    </message>
    <message>
        <source>Tag all {n} buyers in “{group}” with:</source>
        <translation>给“{group}”的全部 {n} 位买家打上标签：</translation>
    </message>
    <message>
        <source>Remove from all {n} buyers in “{group}” the tag:</source>
        <translation>从“{group}”的全部 {n} 位买家移除标签：</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag “{tag}” added to {n} buyers.</source>
        <translation>已给 {n} 位买家添加标签“{tag}”。</translation>
    </message>
    <message>
        <source>Tag “{tag}” removed from {n} buyers.</source>
        <translation>已从 {n} 位买家移除标签“{tag}”。</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Last year: in the group</source>
        <translation>去年：人数</translation>
    </message>
    <message>
        <source>…bought at the festival</source>
        <translation>其中大促购买</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>回购率</translation>
    </message>
    <message>
        <source>This year: in the group</source>
        <translation>今年：人数</translation>
    </message>
    <message>
        <source>Expected buyers</source>
        <translation>预计回购人数</translation>
    </message>
    <message>
        <source>Expected sales</source>
        <translation>预计销售额</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>大促节日</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Shop target (sales)</source>
        <translation>店铺目标（销售额）</translation>
    </message>
    <message>
        <source>Active: last countable order 30–60 days before the festival; reactivated: 61–180 days; awakened: 181–365 days. Rates come from last year&apos;s festival, counts from your orders up to today.</source>
        <translation>活跃：大促前 30–60 天有有效订单；激活：61–180 天；唤醒：181–365 天。比率取自去年同一大促，人数来自截至今天的订单。</translation>
    </message>
    <message>
        <source>Target breakdown</source>
        <translation>目标拆解</translation>
    </message>
    <message>
        <source>Keep as the target of “{name}”</source>
        <translation>保存为“{name}”的目标</translation>
    </message>
    <message>
        <source>Apply a playbook for this festival to keep the target</source>
        <translation>为该节日套用活动方案后即可保存目标</translation>
    </message>
    <message>
        <source>Average order value: {aov}. Returning buyers expected: {n}, bringing {fen}.</source>
        <translation>客单价：{aov}。预计回购客户 {n} 人，带来 {fen}。</translation>
    </message>
    <message>
        <source>Share method: repeat buyers brought {share} of last year&apos;s festival sales, so {repeat} of the {target} target should come from them.</source>
        <translation>占比测算法：去年大促老客贡献 {share} 的销售额，因此 {target} 的目标中应有 {repeat} 来自老客。</translation>
    </message>
    <message>
        <source>Shortfall: {gap} more from repeat buyers, about {n} more returning buyers to win back (pool building, awakening dormant buyers).</source>
        <translation>缺口：老客还差 {gap}，约需再召回 {n} 位客户（蓄水、唤醒沉睡客户）。</translation>
    </message>
    <message>
        <source>The expected returning buyers cover the repeat-buyer target.</source>
        <translation>预计回购可以覆盖老客目标。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Message text</source>
        <translation>文案</translation>
    </message>
    <message>
        <source>Outreach list #{id} exported for this task.</source>
        <translation>已为此任务导出触达名单 #{id}。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Due / starts</source>
        <translation>到期 / 开始</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remind before (minutes)</source>
        <translation>提前提醒（分钟）</translation>
    </message>
    <message>
        <source>Customer group</source>
        <translation>客户人群</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Shop default ({n} min)</source>
        <translation>店铺默认（{n} 分钟）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Make the outreach list…</source>
        <translation>生成触达名单…</translation>
    </message>
    <message>
        <source>Opens the customer-groups outreach export with this group and text; exporting the list marks this task done.</source>
        <translation>打开客户分组的触达名单导出，并预填此人群和文案；导出后此任务自动标记完成。</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <translation>新清单项</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
</context>
<context>
    <name>TaskLabels</name>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Phone calls</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>TaskOutreach</name>
    <message>
        <source>Counting the group for “{title}”…</source>
        <translation>正在统计“{title}”的人群…</translation>
    </message>
    <message>
        <source>Outreach list</source>
        <translation>触达名单</translation>
    </message>
    <message>
        <source>The group of this task no longer exists: pick another group in the task.</source>
        <translation>此任务的人群已不存在，请在任务中另选一个人群。</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Finishing {step}: it is saved; this last part cannot be cancelled.</source>
        <translation>正在收尾 {step}：已保存，这一步无法取消。</translation>
    </message>
    <message>
        <source>Cancelling… the current step is being undone, nothing half-done is kept.</source>
        <translation>正在取消…当前步骤正在撤销，不会留下做了一半的数据。</translation>
    </message>
</context>
<context>
    <name>TiersTable</name>
    <message>
        <source>Tier {n}: “{text}” is not an amount in yuan.</source>
        <translation>等级 {n}：“{text}”不是有效金额（元）。</translation>
    </message>
    <message>
        <source>Tier {n}: “{text}” is not a whole number of orders.</source>
        <translation>等级 {n}：“{text}”不是整数订单数。</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Paid at least (yuan)</source>
        <translation>消费至少（元）</translation>
    </message>
    <message>
        <source>Or orders at least</source>
        <translation>或订单至少（笔）</translation>
    </message>
</context>
</TS>
