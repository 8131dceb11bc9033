using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.E2E.Pages;

/// <summary>Another sales channel registering work through the public intake API, to give the UI something to act on.</summary>
public sealed class IntakeApi(Uri baseUrl)
{
    public Task<string> RegisterAppointmentAsync(string customerName, string phone, string sku) => PostAsync(new
    {
        flow = "Appointment",
        customer = new { name = customerName, phone },
        lines = new[] { new { sku, quantity = 1 } },
        appointment = new { preferredAt = DateTime.UtcNow.AddHours(8).Date.AddDays(1).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ss"), note = "客户想先了解一下" }, // tomorrow 10:00 China time
    });

    /// <summary>A pre-order paid in cash at the door, delivered tomorrow afternoon (China time).</summary>
    public Task<string> PlaceDeliveryOrderAsync(string customerName, string phone, string sku) => PostAsync(DeliveryOrder(customerName, phone, sku));

    /// <summary>The same order; answers the tracking code of its delivery, as the dispatch board shows it.</summary>
    public Task<string> PlaceDeliveryOrderForTrackingAsync(string customerName, string phone, string sku) =>
        PostAsync(DeliveryOrder(customerName, phone, sku), "trackingCode");

    private static object DeliveryOrder(string customerName, string phone, string sku) => new
    {
        flow = "PreOrderDelivery",
        customer = new { name = customerName, phone, address = new { city = "广州市", district = "天河区", line = "天河路385号" } },
        lines = new[] { new { sku, quantity = 1 } },
        payment = "CashOnDelivery",
        deliveryWindow = new { date = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd"), slot = "14:00-18:00" },
    };

    private async Task<string> PostAsync(object order, string answer = "number")
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("X-Api-Key", "demo-intake-key");
        var response = await http.PostAsJsonAsync("/api/v1/orders", order);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty(answer).GetString()!;
    }
}
