using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgc.Intake.Features.Applications;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Intake.Tests;

public class IntakeApp : ServiceAppFactory<Program>
{
    public static string UnitUscc => IntakePayloads.DefaultUnit;

    private static int _units;

    /// <summary>A fresh valid unit code, so that a test's list queries see only its own applications.</summary>
    public static string NewUnit() => IntakePayloads.WithCheckCharacter($"91110108MA{Interlocked.Increment(ref _units):D7}");

    public HttpClient Applicant(string? unit = null) => ClientFor(Roles.Applicant, unit: unit ?? UnitUscc);

    public HttpClient Officer(string subPark = "haidian") => ClientFor(Roles.SubParkOfficer, subPark: subPark);

    /// <summary>Registers the unit, creates and submits an eligible application; returns it as the applicant sees it.</summary>
    public async Task<ApplicationView> Submit(string subPark = "haidian", string? unit = null, JsonObject? application = null)
    {
        using var applicant = Applicant(unit);
        var id = await IntakeWalk.SubmitEligible(applicant, application ?? IntakePayloads.Application(subPark), TestContext.Current.CancellationToken);
        return (await applicant.GetFromJsonAsync<ApplicationView>($"/intake/applications/{id}", TestContext.Current.CancellationToken))!;
    }

    /// <summary>Registers the unit and creates a draft; returns its id.</summary>
    public async Task<Guid> CreateDraft(string? unit = null, JsonObject? application = null)
    {
        var ct = TestContext.Current.CancellationToken;
        using var applicant = Applicant(unit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), ct)).EnsureSuccessStatusCode();
        var created = await applicant.PostAsJsonAsync("/intake/applications", application ?? IntakePayloads.Application(), ct);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<ApplicationView>(ct))!.Id;
    }
}
