using Zgc.SharedKernel;

namespace Zgc.Standalone.Demo;

/// <summary>A lead unit of the demo programme.</summary>
public sealed record DemoUnit(int Index, string Uscc, string Name, string LeadUnitType, string Qualification, string GovernanceBody, string ContactName,
    string ContactPhone);

/// <summary>An expert of the pool; <see cref="UserId"/> is the expert's token subject.</summary>
public sealed record DemoExpert(string UserId, string Name, string EmployerName, string EmployerUscc, string Title, string Field);

/// <summary>An enterprise the platform integrates (R-A7-INTEGRATION).</summary>
public sealed record DemoEnterprise(string Name, string Uscc, string Relation);

/// <summary>
/// One demo application and every figure the seeder needs to take it to its <see cref="Stage"/>: all drawn from the seed
/// when the plan is made, so nothing at run time depends on ids, timing or the order of an API's answer.
/// </summary>
public sealed record DemoApplication(
    int Index,
    DemoStage Stage,
    DemoUnit Unit,
    string PlatformName,
    string Field,
    string SubArea,
    string SubPark,
    long EquipmentFen,
    long PersonnelFen,
    long CooperativeRdFen,
    long LandFen,
    long ConstructionFen,
    int FullTimeStaff,
    string LeaderName,
    string LeaderTitle,
    IReadOnlyList<DemoEnterprise> Enterprises,
    long PanelSeed,
    int ScoreSeed,
    bool EspeciallyMajor,
    long RevenueFen,
    int RdBasisPoints,
    int SmesDriven,
    long DrivenRevenueFen,
    int EnterprisesServed,
    IReadOnlyList<long> SelfRaisedFen)
{
    public int Cohort => DemoStages.Cohort(Stage);

    public long SupportBaseFen => EquipmentFen + PersonnelFen + CooperativeRdFen;

    public long TotalInvestmentFen => SupportBaseFen + LandFen + ConstructionFen;
}

/// <summary>
/// The whole demo programme, drawn from one seed with <see cref="Random"/> (same seed, same .NET: same programme). Every
/// stage of <see cref="DemoStage"/> has at least one application; the rest (up to <see cref="DemoOptions.Units"/>
/// applications) spread over the stages a real programme has most of. The applications cover the sixteen sub-parks and
/// the six fields in turn (R-A6-SUBPARKS, R-A4-FIELDS).
/// </summary>
public sealed class DemoPlan
{
    /// <summary>Experts per field: a panel needs five eligible experts, one more leaves a choice to the draw.</summary>
    public const int ExpertsPerField = 6;

    private static readonly DemoStage[] Extensible =
    [
        DemoStage.Completed, DemoStage.Completed, DemoStage.Completed, DemoStage.Completed, DemoStage.Year3Paid, DemoStage.Year3Paid,
        DemoStage.Year2Paid, DemoStage.Year2Paid, DemoStage.Year1Paid, DemoStage.Year1Paid,
        DemoStage.InNotice, DemoStage.Submitted, DemoStage.Recommended, DemoStage.Included, DemoStage.Draft, DemoStage.RejectedAtSubPark,
        DemoStage.UnderExpertReview, DemoStage.Year2AwaitingAward, DemoStage.AwaitingMeeting, DemoStage.NotSupported,
    ];

    private static readonly string[] BrandFirst = ["中", "华", "京", "智", "博", "瑞", "恒", "星", "泰", "联", "启", "远", "海", "同", "天", "国"];
    private static readonly string[] BrandSecond = ["芯", "科", "源", "睿", "图", "航", "微", "达", "康", "能", "合", "创", "研", "拓", "信", "云"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东"];
    private static readonly string[] EnterpriseWords = ["科技", "电子", "软件", "制造", "材料", "医疗器械", "检测技术", "智能装备"];
    private static readonly string[] PlatformKinds = ["协同创新平台", "公共服务平台", "中试验证平台", "产业创新中心", "开放共享平台"];
    private static readonly string[] Universities =
        ["清华大学", "北京大学", "北京航空航天大学", "北京理工大学", "中国科学院大学", "北京协和医学院", "北京科技大学", "北京化工大学", "中国农业大学", "北京邮电大学"];

    private DemoPlan(int seed, DateOnly start, IReadOnlyList<DemoUnit> units, IReadOnlyList<DemoExpert> experts, IReadOnlyList<DemoApplication> applications)
    {
        Seed = seed;
        Start = start;
        Units = units;
        Experts = experts;
        Applications = applications;
    }

    public int Seed { get; }

    /// <summary>The Beijing date the programme starts (the first round applies then).</summary>
    public DateOnly Start { get; }

    public IReadOnlyList<DemoUnit> Units { get; }

    public IReadOnlyList<DemoExpert> Experts { get; }

    public IReadOnlyList<DemoApplication> Applications { get; }

    /// <summary>The fewest applications a plan has: one per stage.</summary>
    public static int MinimumApplications => Enum.GetValues<DemoStage>().Length;

    /// <summary>Draws the programme: <paramref name="units"/> lead units (at least 4) and as many applications (at least one per stage).</summary>
    public static DemoPlan Create(int seed, DateOnly start, int units)
    {
        var random = new Random(seed);
        var usccs = new DemoUsccs(random);
        var unitCount = Math.Max(4, units);

        var stages = new List<DemoStage>(Enum.GetValues<DemoStage>());
        while (stages.Count < unitCount)
        {
            stages.Add(Extensible[random.Next(Extensible.Length)]);
        }

        var subParks = Shuffled(random, SubPark.All);
        var fields = Shuffled(random, IndustryField.All);
        var brands = new HashSet<string>(StringComparer.Ordinal);

        // Unit 0 holds only the application that turns out fraudulent: its debarment must not stop another application.
        var revoked = stages.IndexOf(DemoStage.Revoked);
        var unitOf = new int[stages.Count];
        for (int i = 0, next = 0; i < stages.Count; i++)
        {
            unitOf[i] = i == revoked ? 0 : 1 + (next++ % (unitCount - 1));
        }

        var unitList = new DemoUnit?[unitCount];
        var applications = new List<DemoApplication>(stages.Count);
        var platformNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stages.Count; i++)
        {
            var subPark = subParks[i % subParks.Count].Code;
            var field = fields[i % fields.Count];
            var subArea = field.SubAreas[random.Next(field.SubAreas.Count)];
            var unit = unitList[unitOf[i]] ??= NewUnit(random, usccs, brands, unitOf[i], field, subPark);

            var platformName = Brand(unit.Name) + subArea.ZhName.Split('（')[0] + PlatformKinds[random.Next(PlatformKinds.Length)];
            while (!platformNames.Add(platformName))
            {
                platformName += "（二期）";
            }

            var major = stages[i] == DemoStage.Year3Paid && !applications.Any(a => a.EspeciallyMajor);
            // Support base between CNY 20 and 80 million (an especially major platform: 90 million), whole CNY 10,000s.
            var baseFen = (major ? 9_000 : 2_000 + random.Next(6_001)) * 10_000_00L;
            var equipment = baseFen * (50 + random.Next(21)) / 100 / 10_000_00L * 10_000_00L;
            var personnel = (baseFen - equipment) * (60 + random.Next(31)) / 100 / 10_000_00L * 10_000_00L;
            var cooperative = baseFen - equipment - personnel;
            // Total investment at least CNY 50 million (R-A7-INVEST): land and buildings make up the rest.
            var rest = Math.Max(0, 5_000_000_000L - baseFen) + (random.Next(1_001) * 10_000_00L);
            var land = rest / 2 / 10_000_00L * 10_000_00L;

            var enterprises = new List<DemoEnterprise>();
            var enterpriseCount = field.MinimumIntegratedEnterprises + random.Next(6);
            for (var e = 0; e < enterpriseCount; e++)
            {
                var relation = (e % 3) switch { 0 => "upstream", 1 => "downstream", _ => "service" };
                enterprises.Add(new DemoEnterprise(EnterpriseName(random), usccs.Next("91", DemoUsccs.DivisionOf(SubPark.All[random.Next(16)].Code)),
                    relation));
            }

            applications.Add(new DemoApplication(
                Index: i,
                Stage: stages[i],
                Unit: unit,
                PlatformName: platformName,
                Field: field.Code,
                SubArea: subArea.Code,
                SubPark: subPark,
                EquipmentFen: equipment,
                PersonnelFen: personnel,
                CooperativeRdFen: cooperative,
                LandFen: land,
                ConstructionFen: rest - land,
                // An ineligible application fails R-A7-TEAM: fewer than ten full-time staff.
                FullTimeStaff: stages[i] == DemoStage.Ineligible ? 4 + random.Next(5) : 12 + random.Next(40),
                LeaderName: Person(random),
                LeaderTitle: random.Next(3) switch { 0 => "academician", 1 => "renowned-expert", _ => "technology-leader" },
                Enterprises: enterprises,
                PanelSeed: random.NextInt64(0, 1L << 53),
                ScoreSeed: random.Next(),
                EspeciallyMajor: major,
                RevenueFen: (8_000 + random.Next(32_001)) * 10_000_00L,
                RdBasisPoints: 700 + random.Next(301),
                SmesDriven: 8 + random.Next(7),
                DrivenRevenueFen: (1_200 + random.Next(2_401)) * 25 * 1_000_00L,
                EnterprisesServed: 18 + random.Next(7),
                SelfRaisedFen: [.. Enumerable.Range(0, 3).Select(_ => (800 + random.Next(3_201)) * 10_000_00L)]));
        }

        var experts = new List<DemoExpert>();
        foreach (var field in IndustryField.All)
        {
            for (var n = 1; n <= ExpertsPerField; n++)
            {
                var university = Universities[random.Next(Universities.Length)];
                experts.Add(new DemoExpert($"expert-{field.Code}-{n}", Person(random), university, usccs.Next("12", "100000"),
                    random.Next(3) switch { 0 => "教授", 1 => "研究员", _ => "正高级工程师" }, field.Code));
            }
        }

        return new DemoPlan(seed, start, [.. unitList.Select(u => u!)], experts, applications);
    }

    /// <summary>The applications of <paramref name="stages"/>, in plan order.</summary>
    public IReadOnlyList<DemoApplication> Of(params DemoStage[] stages) => [.. Applications.Where(a => stages.Contains(a.Stage))];

    private static DemoUnit NewUnit(Random random, DemoUsccs usccs, HashSet<string> brands, int index, IndustryField field, string subPark)
    {
        var brand = NewBrand(random, brands);
        var division = DemoUsccs.DivisionOf(subPark);
        // About one unit in five is a research institution (a public institution: code type 12, a council).
        if (random.Next(5) == 0)
        {
            return new DemoUnit(index, usccs.Next("12", division), $"北京{brand}{Industry(random, field)}研究院", "research-institution", "national-research-institution",
                "council", Person(random), Phone(random));
        }

        return new DemoUnit(index, usccs.Next("91", division), $"北京{brand}{Industry(random, field)}{(random.Next(2) == 0 ? "有限公司" : "股份有限公司")}",
            "leading-enterprise", "high-market-share", "board", Person(random), Phone(random));
    }

    private static string Industry(Random random, IndustryField field)
    {
        string[] words = field.Code switch
        {
            "next-generation-it" => ["信息技术", "微电子", "智能科技", "数据科技"],
            "bio-health" => ["生物医药", "医疗科技", "生命科学"],
            "advanced-manufacturing" => ["智能装备", "精密制造", "航天科技"],
            "new-materials" => ["新材料", "纳米科技", "半导体材料"],
            "new-energy" => ["新能源", "氢能科技", "环境科技"],
            _ => ["农业科技", "园艺科技", "科技服务"],
        };
        return words[random.Next(words.Length)];
    }

    /// <summary>The unit's two-character brand (the name is 北京 + brand + …).</summary>
    private static string Brand(string unitName) => unitName.Substring(2, 2);

    private static string NewBrand(Random random, HashSet<string> brands)
    {
        while (true)
        {
            var brand = BrandFirst[random.Next(BrandFirst.Length)] + BrandSecond[random.Next(BrandSecond.Length)];
            if (brands.Add(brand) || brands.Count >= BrandFirst.Length * BrandSecond.Length)
            {
                return brand;
            }
        }
    }

    private static string EnterpriseName(Random random) =>
        $"北京{BrandFirst[random.Next(BrandFirst.Length)]}{BrandSecond[random.Next(BrandSecond.Length)]}{EnterpriseWords[random.Next(EnterpriseWords.Length)]}有限公司";

    private static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    private static string Phone(Random random) => $"010-{random.Next(6_000_0000, 8_999_9999)}";

    private static List<T> Shuffled<T>(Random random, IReadOnlyList<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
