using Zgc.Intake.Domain;

namespace Zgc.Intake.Tests.Domain;

/// <summary>
/// The walk over every value of a request body: each finding names the field by its JSON path, however deep, so the
/// applicant is told exactly which entry to correct.
/// </summary>
public class InputHygieneTests
{
    [Fact]
    public void A_clean_body_has_no_findings()
    {
        Assert.Empty(InputHygiene.Check(Body()));
    }

    [Fact]
    public void A_control_character_deep_in_a_list_names_the_entry_and_property()
    {
        var body = Body() with { Items = [Item(), Item() with { Text = "line\u0007bell" }] };

        var error = Assert.Single(InputHygiene.Check(body));
        Assert.Equal("items[1].text", error.Field);
        Assert.Equal(InputHygiene.Rule, error.Rule);
    }

    [Fact]
    public void A_bidirectional_override_in_a_nested_object_is_found()
    {
        var body = Body() with { Nested = Item() with { Text = "abc\u202Edef" } };

        Assert.Equal("nested.text", Assert.Single(InputHygiene.Check(body)).Field);
    }

    [Fact]
    public void An_empty_list_entry_is_named_and_recognisable()
    {
        var body = Body() with { Items = [null, Item()] };

        var error = Assert.Single(InputHygiene.Check(body));
        Assert.Equal("items[0]", error.Field);
        Assert.True(InputHygiene.IsEmptyEntry(error));
    }

    [Fact]
    public void Numbers_dates_and_lengths_out_of_range_are_each_named()
    {
        var body = Body() with
        {
            Name = new string('x', InputHygiene.MaxTextLength + 1),
            Nested = Item() with { Amount = -1m, When = new DateOnly(1899, 12, 31) },
            Items = [Item() with { Amount = InputHygiene.MaxNumber + 1 }],
        };

        var fields = InputHygiene.Check(body).Select(e => e.Field).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["items[0].amount", "name", "nested.amount", "nested.when"], fields);
    }

    [Fact]
    public void Tabs_and_line_breaks_are_allowed_in_text()
    {
        Assert.Empty(InputHygiene.Check(Body() with { Name = "first line\r\n\tsecond line" }));
    }

    [Fact]
    public void The_body_itself_is_named_body()
    {
        Assert.Equal("body", Assert.Single(InputHygiene.Check("a\u0000b")).Field);
        Assert.Equal("body[1]", Assert.Single(InputHygiene.Check(new List<Inner?> { Item(), null })).Field);
    }

    [Fact]
    public void The_same_type_walked_again_gives_the_same_findings()
    {
        // The properties are looked up once per type and reused; a second body of that type is still walked in full.
        var first = InputHygiene.Check(Body() with { Nested = Item() with { Text = "\u0001" } });
        var second = InputHygiene.Check(Body() with { Items = [Item() with { Text = "\u0001" }] });

        Assert.Equal("nested.text", Assert.Single(first).Field);
        Assert.Equal("items[0].text", Assert.Single(second).Field);
    }

    private static Outer Body() => new("Platform", [Item(), Item()], Item());

    private static Inner Item() => new("text", 12_345m, new DateOnly(2026, 3, 1));

    public sealed record Inner(string Text, decimal Amount, DateOnly When);

    public sealed record Outer(string Name, IReadOnlyList<Inner?> Items, Inner Nested);
}
