using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>The intake contract other channels rely on, through the real HTTP pipeline on SQLite.</summary>
public sealed class OrderIntakeApiTests(OrderIntakeApiTests.Fixture fixture) : IClassFixture<OrderIntakeApiTests.Fixture>
{
    public const string FailingBssPhone = "13700000001";
    private static readonly string Tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Direct_order_is_accepted_at_once_and_completed_when_the_bss_has_provisioned_it()
    {
        var response = await Post(new
        {
            flow = "Direct",
            customer = new { name = "王小明", phone = "13800138000" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Equal(30m, body.GetProperty("total").GetDecimal());
        Assert.StartsWith("/api/v1/orders/SO", response.Headers.Location!.OriginalString);

        await Host.DeliverOutboxAsync();

        var order = await Json(await Api.GetAsync(response.Headers.Location));
        Assert.Equal("Completed", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Direct_order_the_bss_refuses_is_marked_failed_with_the_bss_reason()
    {
        var response = await Post(new
        {
            flow = "Direct",
            customer = new { name = "欠费客户", phone = FailingBssPhone },
            lines = new[] { new { sku = "PLAN-5G-128", quantity = 1 } },
            payment = "BillToAccount",
        });

        var body = await Json(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Host.DeliverOutboxAsync();

        var order = await Json(await Api.GetAsync($"/api/v1/orders/{body.GetProperty("number").GetString()}"));
        Assert.Equal("ProvisioningFailed", order.GetProperty("status").GetString());
        Assert.Contains(order.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("reason").GetString()?.Contains("BSS-4012") == true);
    }

    [Fact]
    public async Task Pre_order_reserves_stock_and_issues_a_tracking_code()
    {
        var before = await Available("HS-XM-14-256-BLK");

        var response = await Post(PreOrder("HS-XM-14-256-BLK", 2, "CashOnDelivery"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("ReadyForDispatch", body.GetProperty("status").GetString());
        Assert.Equal(7998m, body.GetProperty("total").GetDecimal());
        var tracking = body.GetProperty("trackingCode").GetString()!;
        Assert.True(tracking.Length >= 10);
        Assert.DoesNotContain(tracking, c => "01ILO".Contains(c));
        Assert.Equal(before - 2, await Available("HS-XM-14-256-BLK"));
        var number = body.GetProperty("number").GetString();
        Assert.Equal(2, await Host.WithDb(db => db.SerialUnits.CountAsync(u => u.ReservedForOrder == number)));
    }

    [Fact]
    public async Task Pre_order_paid_online_waits_for_payment()
    {
        var body = await Json(await Post(PreOrder("ACC-CASE-CLEAR", 1, "Online")));

        Assert.Equal("AwaitingPayment", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Appointment_registers_an_opportunity_that_can_be_read_back()
    {
        var response = await Post(new
        {
            flow = "Appointment",
            customer = new { name = "周杰", phone = "17702020303" },
            lines = new[] { new { sku = "HS-APPLE-IP15-128-BLK", quantity = 1 } },
            appointment = new { preferredAt = $"{Tomorrow}T10:30:00", note = "想了解合约机" }, // China time
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        var number = body.GetProperty("number").GetString()!;
        Assert.StartsWith("OP", number);
        Assert.Equal("New", body.GetProperty("status").GetString());

        var read = await Json(await Api.GetAsync($"/api/v1/orders/{number}"));
        Assert.Equal("Appointment", read.GetProperty("flow").GetString());
        Assert.Equal("HS-APPLE-IP15-128-BLK", read.GetProperty("lines")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task Order_reads_back_with_lines_payment_status_and_timeline()
    {
        var placed = await Json(await Post(PreOrder("ACC-CHARGER-66W", 1, "PosOnDelivery")));

        var response = await Api.GetAsync($"/api/v1/orders/{placed.GetProperty("number").GetString()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await Json(response);
        Assert.Equal("PreOrderDelivery", order.GetProperty("flow").GetString());
        Assert.Equal("ReadyForDispatch", order.GetProperty("status").GetString());
        Assert.Equal("Unpaid", order.GetProperty("paymentStatus").GetString());
        Assert.Equal(99m, order.GetProperty("total").GetDecimal());
        var timeline = order.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["Draft", "Submitted", "ReadyForDispatch"], timeline.Select(e => e.GetProperty("to").GetString()));
        Assert.All(timeline, e => Assert.Equal("intake", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Unknown_order_is_404_problem_details()
    {
        var response = await Api.GetAsync("/api/v1/orders/SO000000NOPE00");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { """{"flow":"PreOrderDelivery","customer":{"name":"A","phone":"13800138000","address":{"city":"广州市","district":"天河区","line":"天河路1号"}},"lines":[{"sku":"ACC-CASE-CLEAR","quantity":0}],"payment":"CashOnDelivery","deliveryWindow":{"date":"TOMORROW","slot":"14:00-18:00"}}""", "lines[0].quantity" },
        { """{"flow":"PreOrderDelivery","customer":{"name":"A","phone":"13800138000","address":{"city":"广州市","district":"天河区","line":"天河路1号"}},"lines":[{"sku":"ACC-CASE-CLEAR","quantity":-2}],"payment":"CashOnDelivery","deliveryWindow":{"date":"TOMORROW","slot":"14:00-18:00"}}""", "lines[0].quantity" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"12345"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount"}""", "customer.phone" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13912345678","idNumber":"440106198503121230"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}],"payment":"BillToAccount"}""", "customer.idNumber" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13912345678"},"lines":[{"sku":"NO-SUCH-SKU","quantity":1}],"payment":"BillToAccount"}""", "lines[0].sku" },
        { """{"flow":"PreOrderDelivery","customer":{"name":"A","phone":"13912345678","address":{"city":"广州市","district":"天河区","line":"天河路1号"}},"lines":[{"sku":"ACC-CASE-CLEAR","quantity":1}],"payment":"CashOnDelivery","deliveryWindow":{"date":"2020-01-01","slot":"14:00-18:00"}}""", "deliveryWindow.date" },
        { """{"flow":"Teleport","customer":{"name":"A","phone":"13912345678"},"lines":[{"sku":"ADDON-DATA-10G","quantity":1}]}""", "flow" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13912345678"},"lines":[{"sku":"HS-XM-14-256-BLK","quantity":1}],"payment":"BillToAccount"}""", "lines" },
        { """{"flow":"Direct","customer":{"name":"A","phone":"13912345678"},"lines":[],"payment":"BillToAccount"}""", "lines" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_per_field_and_writes_nothing(string json, string field)
    {
        var counts = await Counts();

        var response = await Api.PostAsync("/api/v1/orders", new StringContent(json.Replace("TOMORROW", Tomorrow), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"expected an error for '{field}', got {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(counts, await Counts());
    }

    [Theory]
    [InlineData("王小五", "11010519491231002X", "name")]
    [InlineData("李 明", "440106199003071231", "idNumber")]
    public async Task A_known_phone_with_another_name_or_id_is_a_409_naming_the_field_without_the_registered_values(
        string name, string idNumber, string field)
    {
        var phone = field == "name" ? "13700001111" : "13700002222";
        var first = await Post(new
        {
            flow = "Direct",
            customer = new { name = "李明", phone, idNumber = "11010519491231002X" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var counts = await Counts();

        var response = await Post(new
        {
            flow = "Direct",
            customer = new { name, phone, idNumber },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field == "name" ? "name differs" : "ID number differs", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("李明", text);
        Assert.DoesNotContain("002X", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("110105", text);
        Assert.Equal(counts, await Counts());
    }

    [Fact]
    public async Task Ineligible_policy_is_refused_with_the_reason_and_the_new_customer_is_not_kept()
    {
        var counts = await Counts();

        var response = await Post(new
        {
            flow = "PreOrderDelivery",
            customer = new { name = "新客户", phone = "13512340000", address = new { city = "广州市", district = "天河区", line = "天河路1号" } },
            lines = new[] { new { sku = "HS-HONOR-X50-128-BLK", quantity = 1 } },
            payment = "CashOnDelivery",
            deliveryWindow = new { date = Tomorrow, slot = "09:00-12:00" },
            policy = "PRESTORE-168-504",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Json(response)).GetProperty("errors").GetProperty("policy")[0].GetString();
        Assert.Contains("96", message);
        Assert.Equal(counts, await Counts());
    }

    [Fact]
    public async Task Ineligible_policy_reason_comes_back_in_chinese_for_a_chinese_caller()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new
            {
                flow = "PreOrderDelivery",
                customer = new { name = "新客户", phone = "13512340001", address = new { city = "广州市", district = "天河区", line = "天河路2号" } },
                lines = new[] { new { sku = "HS-HONOR-X50-128-BLK", quantity = 1 } },
                payment = "CashOnDelivery",
                deliveryWindow = new { date = Tomorrow, slot = "09:00-12:00" },
                policy = "PRESTORE-168-504",
            }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var response = await Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Json(response)).GetProperty("errors").GetProperty("policy")[0].GetString()!;
        Assert.Contains("96", message);
        Assert.DoesNotContain("Only for customers", message);
        Assert.Contains("套餐", message);
    }

    [Fact]
    public async Task Prestore_policy_for_a_96_plan_customer_adds_the_prestore_to_the_total()
    {
        var response = await Post(new
        {
            flow = "Direct",
            customer = new { name = "王小明", phone = "13800138000" },
            lines = new[] { new { sku = "ADDON-VOICE-200", quantity = 1 } },
            payment = "BillToAccount",
            policy = "PRESTORE-168-504",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(188m, (await Json(response)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Same_idempotency_key_twice_places_one_order()
    {
        var key = Guid.NewGuid().ToString();
        var counts = await Counts();

        var first = await Json(await Post(PreOrder("ACC-CASE-CLEAR", 1, "CashOnDelivery"), key));
        var second = await Json(await Post(PreOrder("ACC-CASE-CLEAR", 1, "CashOnDelivery"), key));

        Assert.Equal(first.GetProperty("number").GetString(), second.GetProperty("number").GetString());
        Assert.Equal(counts.Orders + 1, (await Counts()).Orders);
    }

    private HttpClient Api => fixture.Api;

    private static object PreOrder(string sku, int quantity, string payment) => new
    {
        flow = "PreOrderDelivery",
        customer = new { name = "陈国强", phone = "13631234567", address = new { city = "广州市", district = "海珠区", line = "江南大道中168号" } },
        lines = new[] { new { sku, quantity } },
        payment,
        deliveryWindow = new { date = Tomorrow, slot = "14:00-18:00" },
    };

    private async Task<HttpResponseMessage> Post(object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Api.SendAsync(request);
    }

    private async Task<int> Available(string sku)
    {
        var products = await Json(await Api.GetAsync("/api/v1/catalog/products"));
        return products.EnumerateArray().Single(p => p.GetProperty("sku").GetString() == sku).GetProperty("available").GetInt32();
    }

    private Task<(int Orders, int Customers, int Opportunities, int Movements)> Counts() => Host.WithDb(async db =>
        (await db.Orders.CountAsync(), await db.Customers.CountAsync(), await db.Opportunities.CountAsync(), await db.StockMovements.CountAsync()));

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalHost Host { get; private set; } = default!;

        public HttpClient Api { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Host = await PortalHost.StartAsync(configure: b => b.Configuration["Bss:Simulator:FailingPhones:0"] = FailingBssPhone);
            Api = Host.CreateApiClient(DemoAccounts.IntakeKey);
        }

        public async Task DisposeAsync()
        {
            Api.Dispose();
            await Host.DisposeAsync();
        }
    }
}
