using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Every API failure is problem details with a trace id: never HTML, a redirect or a stack trace.</summary>
public sealed class ApiErrorTests(ApiErrorTests.Fixture fixture) : IClassFixture<ApiErrorTests.Fixture>
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
    private PortalHost Host => fixture.Host;

    [Theory]
    [InlineData("/api/v1/no-such-thing", true)]
    [InlineData("/api/v1/no-such-thing", false)]
    [InlineData("/api/v2/orders", true)]
    public async Task An_unknown_api_route_is_a_404_problem(string path, bool withKey)
    {
        using var client = Host.CreateApiClient(withKey ? "demo-intake-key" : null);

        var response = await client.GetAsync(path);

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_missing_or_wrong_key_is_a_401_problem_not_a_sign_in_redirect(string? key)
    {
        using var client = Host.CreateApiClient(key);

        var response = await client.PostAsync("/api/v1/orders", Body("{}"));

        await AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { """{"flow":"Direct", """, "body" },
        { "not json at all", "body" },
        { """{"flow":1,"customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount"}""", "flow" },
        { """{"flow":"Direct","customer":{"name":42,"phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount"}""", "customer.name" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":"one"}],"payment":"BillToAccount"}""", "lines[0].quantity" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":3}""", "payment" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount","opportunityNumber":"OP1"}""", "opportunityNumber" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount","requestId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""", "requestId" },
        { """{"flow":"Appointment","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"appointment":{"preferredAt":"0001-01-01T00:00:00"}}""", "appointment.preferredAt" },
        { """{"flow":"Appointment","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"appointment":{"preferredAt":"2999-01-01T10:00:00"}}""", "appointment.preferredAt" },
        { """{"flow":"Appointment","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"appointment":{"preferredAt":"TOMORROWT03:00:00"}}""", "appointment.preferredAt" },
        { """{"flow":"Appointment","customer":{"name":"A","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"appointment":{"preferredAt":"not a time"}}""", "appointment.preferredAt" },
        { """{"flow":"PreOrderDelivery","customer":{"name":"A","phone":"13800138000","address":{"city":"广州市","district":"天河区","line":"天河路1号"}},"lines":[{"sku":"ACC-CASE-CLEAR","quantity":1}],"payment":"CashOnDelivery","deliveryWindow":{"date":"TOMORROW","slot":"02:00-03:00"}}""", "deliveryWindow.slot" },
        { """{"flow":"Direct","customer":{"name":"A\u0000B","phone":"13800138000"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount"}""", "customer.name" },
        { """{"flow":"PreOrderDelivery","customer":{"name":"A","phone":"13800138000","address":{"city":"广州市","district":"天河区","line":"天河路\u001b[31m1号"}},"lines":[{"sku":"ACC-CASE-CLEAR","quantity":1}],"payment":"CashOnDelivery","deliveryWindow":{"date":"TOMORROW","slot":"14:00-18:00"}}""", "customer.address.line" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_input_is_a_400_problem_naming_the_field(string json, string field)
    {
        using var client = Host.CreateApiClient();

        var response = await client.PostAsync("/api/v1/orders", Body(json.Replace("TOMORROW", Tomorrow)));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
        Assert.DoesNotContain("Portal.", problem.ToString());
    }

    [Fact]
    public async Task A_server_fault_is_a_500_problem_without_a_stack_trace()
    {
        await using var host = await PortalHost.StartAsync();
        await host.WithDb(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"StockItems\""));
        using var client = host.CreateApiClient();

        var response = await client.GetAsync("/api/v1/catalog/products");

        var problem = await AssertProblem(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("StockItems", problem.ToString());
        Assert.DoesNotContain(" at ", problem.ToString());
    }

    internal static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    public sealed class Fixture : PortalHostFixtureBase;
}
