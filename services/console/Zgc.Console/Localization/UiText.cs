using System.Collections.Frozen;
using System.Globalization;

namespace Zgc.Console.Localization;

/// <summary>
/// A small dictionary-based localizer: every text of the console in Chinese (first) and English. Unknown keys show
/// themselves, so a missing text is visible rather than silent. Each area keeps its texts in its own partial file
/// (<c>UiText.Applicant.cs</c>…) as a method returning (key, Chinese, English) triples; a key defined twice stops start-up.
/// </summary>
public sealed partial class UiText
{
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8); // Asia/Shanghai has no daylight saving.

    private static readonly FrozenDictionary<string, (string Zh, string En)> Texts = Merge(new Dictionary<string, (string Zh, string En)>
    {
        ["app.title"] = ("中关村创新平台运营控制台", "ZGC Innovation Platform Console"),
        ["app.short"] = ("中关村创新平台", "ZGC Platforms"),
        ["nav.home"] = ("首页", "Home"),
        ["nav.workflows"] = ("流程实例", "Lifecycle instances"),
        ["nav.users"] = ("内置用户", "Built-in users"),
        ["nav.notifications"] = ("消息通知", "Notifications"),
        ["nav.applicant"] = ("我的申报", "My applications"),
        ["nav.subpark"] = ("分园待办", "Sub-park tasks"),
        ["nav.committee"] = ("管委会待办", "Committee tasks"),
        ["nav.experts"] = ("专家库", "Expert pool"),
        ["nav.meetings"] = ("主任办公会", "Director office meetings"),
        ["nav.notices"] = ("公示管理", "Public notices"),
        ["nav.expert"] = ("评审任务", "Review assignments"),
        ["nav.finance"] = ("资金拨付", "Disbursements"),
        ["nav.monitoring"] = ("监测评估", "Monitoring"),
        ["nav.dashboard"] = ("运行总览", "Operations dashboard"),
        ["nav.menu"] = ("导航", "Navigation"),
        ["lang.zh"] = ("中文", "中文"),
        ["lang.en"] = ("English", "English"),
        ["user.signedInAs"] = ("当前用户", "Signed in as"),
        ["user.roles"] = ("角色", "Roles"),
        ["user.unit"] = ("单位（统一社会信用代码）", "Unit (USCC)"),
        ["user.subpark"] = ("分园", "Sub-park"),
        ["user.logout"] = ("退出登录", "Sign out"),
        ["sim.label"] = ("模拟时钟", "Simulated clock"),
        ["sim.beijing"] = ("北京时间", "Beijing time"),
        ["sim.realTime"] = ("实时", "real time"),
        ["sim.speed"] = ("速度 {0}", "speed {0}"),
        ["sim.hint"] = ("本系统运行在模拟时钟上（培训或演示），日期不是真实日期。", "This system runs on a simulated clock (training or demo): the date is not the real date."),
        ["login.title"] = ("登录", "Sign in"),
        ["login.username"] = ("用户名", "User name"),
        ["login.password"] = ("密码", "Password"),
        ["login.submit"] = ("登录", "Sign in"),
        ["login.invalid"] = ("用户名或密码不正确。", "The user name or the password is not correct."),
        ["login.expired"] = ("页面已过期，请重新提交。", "The form expired; please sign in again."),
        ["login.devHint"] = ("开发环境内置用户（仅供开发使用，请勿用于生产）：", "Built-in development users (development only, never in production):"),
        ["login.devPassword"] = ("密码", "Password"),
        ["home.title"] = ("欢迎使用运营控制台", "Welcome to the operations console"),
        ["home.pages"] = ("可用功能", "What you can use"),
        ["home.noPages"] = ("您的角色目前没有控制台页面；可通过下方的 API 办理业务。", "Your role has no console pages yet; use the APIs below."),
        ["home.api"] = ("通过 API 访问", "Using the APIs"),
        ["home.apiHint"] = ("先取得访问令牌，再以 Authorization: Bearer 头调用各服务接口：", "Get an access token, then call the services with an Authorization: Bearer header:"),
        ["workflows.title"] = ("流程实例", "Lifecycle instances"),
        ["workflows.platform"] = ("平台名称", "Platform"),
        ["workflows.subpark"] = ("分园", "Sub-park"),
        ["workflows.state"] = ("当前状态", "Current state"),
        ["workflows.updated"] = ("最近变更", "Last change"),
        ["workflows.empty"] = ("暂无流程实例。", "No lifecycle instances yet."),
        ["workflows.refresh"] = ("刷新", "Refresh"),
        ["workflows.total"] = ("共 {0} 个实例", "{0} instances"),
        ["workflows.totalExceeds"] = ("超过 {0} 个实例", "more than {0} instances"),
        ["workflows.rows"] = ("第 {0}–{1} 个，{2}", "{0}–{1} of {2}"),
        ["workflows.field"] = ("产业领域", "Industry field"),
        ["workflows.all"] = ("全部", "All"),
        ["workflows.waitingDays"] = ("停留至少（天）", "In state at least (days)"),
        ["workflows.pageSize"] = ("每页", "Per page"),
        ["workflows.apply"] = ("筛选", "Filter"),
        ["workflows.noMatch"] = ("没有符合条件的流程实例。", "No lifecycle instance matches these filters."),
        ["workflows.pages"] = ("翻页", "Pages"),
        ["workflows.first"] = ("« 第一页", "« First page"),
        ["workflows.next"] = ("下一页 ›", "Next page ›"),
        ["instance.back"] = ("返回流程实例列表", "Back to lifecycle instances"),
        ["instance.title"] = ("流程实例详情", "Lifecycle instance"),
        ["instance.unit"] = ("申报单位", "Applicant unit"),
        ["instance.policy"] = ("适用政策版本", "Policy version"),
        ["instance.created"] = ("创建时间", "Created"),
        ["instance.updated"] = ("最近变更", "Last change"),
        ["instance.outcome"] = ("结果说明", "Outcome"),
        ["instance.transitions"] = ("流转记录", "Transitions"),
        ["instance.graph"] = ("流程图（当前状态高亮）", "Lifecycle (current state highlighted)"),
        ["instance.noTransitions"] = ("暂无流转记录。", "No transitions yet."),
        ["instance.event"] = ("事件", "Event"),
        ["instance.message"] = ("消息编号", "Message id"),
        ["nav.forecast"] = ("资金预测", "Funding forecast"),
        ["forecast.title"] = ("资金需求预测（未来三个财政年度）", "Funding forecast (next three fiscal years)"),
        ["forecast.scenario"] = ("情景", "Scenario"),
        ["forecast.scenario.all-pass"] = ("全部通过", "All pass"),
        ["forecast.scenario.historic"] = ("历史通过率", "Historic pass rate"),
        ["forecast.scenario.rate"] = ("设定通过率", "Chosen rate"),
        ["forecast.rate"] = ("通过率（0–1）", "Pass rate (0–1)"),
        ["forecast.from"] = ("起始日期", "From"),
        ["forecast.apply"] = ("计算", "Compute"),
        ["forecast.csv"] = ("导出 CSV", "Export CSV"),
        ["forecast.weight"] = ("通过权重", "Pass weight"),
        ["forecast.fiscalYear"] = ("财政年度", "Fiscal year"),
        ["forecast.budget"] = ("年度预算", "Budget"),
        ["forecast.paid"] = ("已拨付", "Paid so far"),
        ["forecast.forecast"] = ("预测拨付", "Forecast"),
        ["forecast.certain"] = ("确定部分", "Certain"),
        ["forecast.weighted"] = ("加权部分", "Weighted"),
        ["forecast.headroom"] = ("结余（负数为缺口）", "Headroom (negative: shortfall)"),
        ["forecast.noBudget"] = ("未设定", "not set"),
        ["forecast.chart"] = ("预算与预测对比", "Budget against forecast"),
        ["forecast.byField"] = ("按产业领域", "By industry field"),
        ["forecast.bySubPark"] = ("按分园", "By sub-park"),
        ["forecast.lines"] = ("平台年度明细", "Platform-years"),
        ["forecast.platform"] = ("平台", "Platform"),
        ["forecast.constructionYear"] = ("建设年度", "Construction year"),
        ["forecast.amount"] = ("预测金额", "Amount"),
        ["forecast.how"] = ("计算方法", "How it was computed"),
        ["forecast.total"] = ("合计", "Total"),
        ["forecast.beyond"] = ("三年以后预计另有 {0}（{1} 个平台年度）。", "A further {0} is expected after the third year ({1} platform-years)."),
        ["forecast.excluded"] = ("已解除协议不计入：{0} 个。", "Terminated agreements left out: {0}."),
        ["forecast.empty"] = ("没有预测的拨付。", "No payment is forecast."),
        ["whatif.title"] = ("政策情景推演（不改变任何数据）", "Policy what-if (changes no data)"),
        ["whatif.hint"] = ("留空的参数沿用各协议自身的政策版本。", "A figure left empty keeps each agreement's own policy version."),
        ["whatif.version"] = ("情景名称", "What-if name"),
        ["whatif.ratio"] = ("支持比例（%）", "Support ratio (%)"),
        ["whatif.ceiling"] = ("年度上限（元）", "Yearly ceiling (CNY)"),
        ["whatif.majorCeiling"] = ("特别重大创新平台上限（元）", "Especially major ceiling (CNY)"),
        ["whatif.years"] = ("建设年限", "Construction years"),
        ["whatif.run"] = ("推演", "Run the what-if"),
        ["whatif.current"] = ("现行", "Today"),
        ["whatif.whatIf"] = ("情景", "What-if"),
        ["whatif.difference"] = ("差额", "Difference"),
        ["whatif.badAmount"] = ("金额须为非负数，最多两位小数。", "An amount is not negative and has at most two decimals."),
        ["loading"] = ("正在加载…", "Loading…"),
        ["error.title"] = ("无法获取数据", "Could not load the data"),
        ["error.SignedOut"] = ("登录已失效，请重新登录。", "Your sign-in has expired; please sign in again."),
        ["error.Unauthorized"] = ("服务拒绝了访问令牌（可能已过期），请重新登录。", "The service refused the access token (it may have expired); please sign in again."),
        ["error.Forbidden"] = ("您的角色无权查看此内容。", "Your role may not see this."),
        ["error.NotFound"] = ("未找到所请求的内容。", "Not found."),
        ["error.Unreachable"] = ("无法连接到服务接口，请稍后重试。", "The service API could not be reached; please try again later."),
        ["error.Timeout"] = ("服务接口响应超时，请稍后重试。", "The service API did not answer in time; please try again later."),
        ["error.ServerError"] = ("服务接口返回错误。", "The service API returned an error."),
        ["error.BadResponse"] = ("服务接口返回了无法识别的内容。", "The service API returned something the console cannot read."),
        ["error.Invalid"] = ("提交的内容不符合要求，请按提示修改。", "The service refused the input; correct the fields shown."),
        ["error.Conflict"] = ("当前状态下不能执行此操作（或记录已被他人修改），请刷新后重试。", "Not allowed in the record's current state (or someone changed it meanwhile); reload and try again."),
        ["error.TooLarge"] = ("提交的内容或文件过大。", "The request or file is too large."),
        ["error.TooManyRequests"] = ("请求过于频繁，请稍后再试。", "Too many requests; please try again shortly."),
        ["form.saved"] = ("已保存。", "Saved."),
        ["form.required"] = ("必填。", "Required."),
        ["form.working"] = ("正在处理…", "Working…"),
        ["error.status"] = ("HTTP 状态码", "HTTP status"),
        ["error.signInAgain"] = ("重新登录", "Sign in again"),
        ["denied.title"] = ("无权访问", "Access denied"),
        ["denied.text"] = ("您的角色无权使用此页面。", "Your role may not use this page."),
        ["notFound.title"] = ("页面不存在", "Page not found"),
        ["notFound.text"] = ("找不到您要访问的页面。", "There is no page at this address."),
        ["users.title"] = ("内置用户", "Built-in users"),
        ["users.userName"] = ("用户名", "User name"),
        ["users.displayName"] = ("姓名", "Display name"),
        ["error.reload"] = ("页面出现错误。", "An error has occurred."),
        ["error.reloadLink"] = ("重新加载", "Reload"),
        ["role.applicant"] = ("申报单位", "Applicant"),
        ["role.subpark-officer"] = ("分园工作人员", "Sub-park officer"),
        ["role.committee-officer"] = ("管委会工作人员", "Committee officer"),
        ["role.expert"] = ("评审专家", "Expert"),
        ["role.finance-preparer"] = ("财务经办", "Finance preparer"),
        ["role.finance-approver"] = ("财务审核", "Finance approver"),
        ["role.monitoring-officer"] = ("监测评估人员", "Monitoring officer"),
        ["role.admin"] = ("管理员", "Administrator"),
        ["state.Initial"] = ("初始", "Initial"),
        ["state.SubParkReview"] = ("分园审核中", "Sub-park review"),
        ["state.ExpertReview"] = ("专家评审中", "Expert review"),
        ["state.AwaitingNotice"] = ("待公示", "Awaiting public notice"),
        ["state.InNotice"] = ("公示中", "In public notice"),
        ["state.ReturnedForCorrection"] = ("退回补正", "Returned for correction"),
        ["state.AwaitingMeeting"] = ("待主任办公会审议", "Awaiting the director office meeting"),
        ["state.NoticeFailed"] = ("公示未通过", "Notice failed"),
        ["state.Included"] = ("已认定，待签协议", "Included, agreement pending"),
        ["state.UnderConstruction"] = ("建设期", "Under construction"),
        ["state.Completed"] = ("已完成", "Completed"),
        ["state.Rejected"] = ("未通过", "Rejected"),
        ["state.Exited"] = ("已退出", "Exited"),
        ["state.Revoked"] = ("已撤销", "Revoked"),
        ["state.Cancelled"] = ("已取消", "Cancelled"),
        ["state.Final"] = ("已结束", "Final"),
    },
        ApplicantTexts(), SubParkTexts(), CommitteeTexts(), ExpertTexts(), FinanceTexts(), MonitoringTexts(), OperationsTexts());

    private static FrozenDictionary<string, (string Zh, string En)> Merge(Dictionary<string, (string Zh, string En)> core,
        params IEnumerable<(string Key, string Zh, string En)>[] areas)
    {
        foreach (var (key, zh, en) in areas.SelectMany(a => a))
        {
            if (!core.TryAdd(key, (zh, en)))
            {
                throw new InvalidOperationException($"The console text '{key}' is defined twice.");
            }
        }

        return core.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private UiText(string language) => Language = language;

    public static UiText Chinese { get; } = new(UiLanguage.Chinese);

    public static UiText English { get; } = new(UiLanguage.English);

    /// <summary>"zh" or "en".</summary>
    public string Language { get; }

    public bool IsEnglish => Language == UiLanguage.English;

    /// <summary>The value of the HTML <c>lang</c> attribute.</summary>
    public string HtmlLang => IsEnglish ? "en" : "zh-CN";

    /// <summary>Whether a text exists for <paramref name="key"/> (for optional texts such as a status's name).</summary>
    public static bool Has(string key) => Texts.ContainsKey(key);

    public string this[string key] => Texts.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Zh) : key;

    public static UiText For(string? language) => UiLanguage.Parse(language) == UiLanguage.English ? English : Chinese;

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    /// <summary>A lifecycle state's name for people; the state's own name when the console does not know it yet.</summary>
    public string State(string state) => Texts.TryGetValue("state." + state, out var text) ? (IsEnglish ? text.En : text.Zh) : state;

    public string Role(string role) => Texts.TryGetValue("role." + role, out var text) ? (IsEnglish ? text.En : text.Zh) : role;

    /// <summary>A point in time as Beijing time (the programme's time zone), to the minute.</summary>
    public string Time(DateTimeOffset value) => value.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A point in time as Beijing time to the second, for the transition timeline.</summary>
    public string PreciseTime(DateTimeOffset value) => value.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private CultureInfo Culture => IsEnglish ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("zh-CN");
}
