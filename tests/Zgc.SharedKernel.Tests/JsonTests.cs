using System.Text.Json;

namespace Zgc.SharedKernel.Tests;

public class JsonTests
{
    private sealed record Sample(Money Amount, IndustryField Field, SubPark SubPark, LeadUnitType LeadUnitType, IndustryField? Optional);

    private static readonly JsonSerializerOptions Web = JsonSerializerOptions.Web;

    [Fact]
    public void Money_travels_as_an_integer_of_fen()
    {
        Assert.Equal("123456", JsonSerializer.Serialize(Money.FromYuan(1234.56m), Web));
        Assert.Equal("-1", JsonSerializer.Serialize(Money.FromFen(-1), Web));
        Assert.Equal(Money.FromFen(long.MaxValue), JsonSerializer.Deserialize<Money>(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), Web));
    }

    [Fact]
    public void Codes_and_money_survive_a_round_trip()
    {
        var sample = new Sample(Money.FromYuan(50_000_000.01m), IndustryField.BioHealth, SubPark.DaxingYizhuang, LeadUnitType.ResearchHospital, null);

        var json = JsonSerializer.Serialize(sample, Web);

        Assert.Equal(
            """{"amount":5000000001,"field":"bio-health","subPark":"daxing-yizhuang","leadUnitType":"research-hospital","optional":null}""",
            json);
        Assert.Equal(sample, JsonSerializer.Deserialize<Sample>(json, Web));
    }

    [Fact]
    public void Codes_work_as_dictionary_keys()
    {
        var bySubPark = new Dictionary<SubPark, Money> { [SubPark.Haidian] = Money.FromFen(7) };

        var json = JsonSerializer.Serialize(bySubPark, Web);

        Assert.Equal("""{"haidian":7}""", json);
        Assert.Equal(Money.FromFen(7), JsonSerializer.Deserialize<Dictionary<SubPark, Money>>(json, Web)![SubPark.Haidian]);
    }

    [Theory]
    [InlineData("\"1234.56\"")]
    [InlineData("12.5")]
    [InlineData("1e30")]
    [InlineData("true")]
    public void Money_that_is_not_an_integer_of_fen_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json, Web));
    }

    [Fact]
    public void An_unknown_code_in_json_names_the_field_and_the_rule()
    {
        var error = Assert.Throws<TaxonomyException>(() => JsonSerializer.Deserialize<SubPark>("\"atlantis\"", Web));

        Assert.Equal("subPark", error.Field);
        Assert.Equal("R-A6-SUBPARKS", error.Rule);
    }

    [Fact]
    public void A_code_that_is_not_a_string_is_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IndustryField>("42", Web));
    }
}
