using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Zgc.ServiceDefaults.Limits;
using Zgc.ServiceDefaults.Simulation;

namespace Zgc.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Our own meters and activity sources all start with this.</summary>
    public const string TelemetryPrefix = "Zgc";

    /// <summary>
    /// What every host shares: telemetry, health, ProblemDetails, JSON, TimeProvider, JWT authentication
    /// with one policy per role, OpenAPI.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();

        builder.AddSimulationClock();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddPolicyCatalog();
        builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, SecurityHeadersStartupFilter>();
        // Antiforgery would send X-Frame-Options SAMEORIGIN on form pages; SecurityHeaders sends DENY on every response.
        builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        builder.AddRequestLimits();
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // A route, query or body value the endpoint cannot bind (a malformed id, a missing required value) throws instead of
        // answering a bare 400 (the default outside Development), so the handler above names the field in its ProblemDetails.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddHttpClient();

        builder.AddAuth();
        return builder;
    }

    private static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(TelemetryPrefix + ".*"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("MassTransit")
                    .AddSource(TelemetryPrefix + ".*");
                if (DatabaseTracing.TracesEntityFrameworkCommands(builder.Configuration))
                {
                    t.AddEntityFrameworkCoreInstrumentation();
                }

                // A dropped span is still created with its ids (propagation only), so correlation keeps working.
                if (!TraceSampling.RecordsSpans(builder.Configuration))
                {
                    t.SetSampler(new AlwaysOffSampler());
                }
            });

        // Exported only when a collector is configured, so a newcomer's run needs nothing extra.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }

    private static void AddAuth(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.AddOptions<AuthOptions>().Bind(section);
        // Tokens live in real time even when the clock is simulated: a simulated year must not expire every sign-in.
        builder.Services.TryAddSingleton(sp => new TokenIssuer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>(), TimeProvider.System));
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(auth.Authority) && auth.SigningKey == AuthOptions.DevelopmentSigningKey)
        {
            // The development key is in this repository: anyone could mint tokens for any role with it.
            throw new InvalidOperationException(
                "Auth:SigningKey is the public development key. In Production set Auth:SigningKey (at least 32 characters, from a secret or the environment) or Auth:Authority (OIDC).");
        }

        if (string.IsNullOrWhiteSpace(auth.Authority) && System.Text.Encoding.UTF8.GetByteCount(auth.SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (HMAC-SHA256).");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = ZgcClaims.Name,
                    RoleClaimType = ZgcClaims.Role,
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                if (!string.IsNullOrWhiteSpace(auth.Authority))
                {
                    o.Authority = auth.Authority;
                }
                else
                {
                    o.TokenValidationParameters.IssuerSigningKey = TokenIssuer.SigningKey(auth);
                }
            });

        builder.Services.AddAuthorization(o =>
        {
            foreach (var role in Roles.All)
            {
                o.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
            }
        });
    }

    /// <summary>Health (anonymous), OpenAPI and the error pipeline. Call once per process, before the services' Map calls.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLimits();

        // Live: the process answers. Ready: its databases and the broker answer too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.Write,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapSimulationClock();
        return app;
    }

    /// <summary>Requires any one of <paramref name="roles"/> (several policies on one endpoint would all be required).</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(",", roles) });

    /// <summary>Operations staff who run and watch workflows (S-OPS): committee and monitoring officers, admins.</summary>
    public static TBuilder RequireOperators<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(Roles.CommitteeOfficer, Roles.MonitoringOfficer, Roles.Admin);
}
