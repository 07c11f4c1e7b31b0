namespace Zgc.Standalone.Demo;

/// <summary>
/// Made-up but valid unified social credit codes (GB 32100-2015): registration authority and type (91 an enterprise,
/// 12 a public institution), the Beijing district's division code, an organisation code drawn from the seeded random
/// sequence, and the check character computed by intake's own <see cref="Zgc.Intake.Domain.Uscc"/>. Never repeats a code.
/// </summary>
internal sealed class DemoUsccs(Random random)
{
    /// <summary>The code set without the check character's special role (GB 32100-2015, table 1).</summary>
    private const string CodeSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    /// <summary>The administrative division code of the district each sub-park lies in.</summary>
    public static string DivisionOf(string subPark) => subPark switch
    {
        "dongcheng" => "110101",
        "xicheng" => "110102",
        "chaoyang" => "110105",
        "fengtai" => "110106",
        "shijingshan" => "110107",
        "haidian" => "110108",
        "mentougou" => "110109",
        "fangshan" => "110111",
        "tongzhou" => "110112",
        "shunyi" => "110113",
        "changping" => "110114",
        "daxing-yizhuang" => "110115",
        "huairou" => "110116",
        "pinggu" => "110117",
        "miyun" => "110118",
        "yanqing" => "110119",
        _ => "110100",
    };

    /// <summary>A new code: <paramref name="kind"/> is "91" (enterprise) or "12" (public institution).</summary>
    public string Next(string kind, string division)
    {
        while (true)
        {
            var organisation = new char[9];
            // Enterprise codes issued since 2015 start their organisation code with "MA"; institutions keep a numeric one.
            var from = 0;
            if (kind == "91")
            {
                organisation[0] = 'M';
                organisation[1] = 'A';
                from = 2;
            }

            for (var i = from; i < organisation.Length; i++)
            {
                organisation[i] = CodeSet[random.Next(kind == "91" ? CodeSet.Length : 10)];
            }

            var first17 = kind + division + new string(organisation);
            var code = first17 + Zgc.Intake.Domain.Uscc.CheckCharacterFor(first17);
            if (_issued.Add(code))
            {
                return code;
            }
        }
    }
}
