using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Web.Components.Shared;

namespace Portal.Tests.Components;

public sealed class EmptyStateTests
{
    [Fact]
    public async Task Empty_state_announces_its_message_as_status()
    {
        await using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<EmptyState>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(EmptyState.Message)] = "今天没有分配给您的配送点。",
                [nameof(EmptyState.Icon)] = "inbox",
            }));
            return output.ToHtmlString();
        });

        Assert.Contains("role=\"status\"", html);
        Assert.Contains("今天没有分配给您的配送点。", html);
    }
}
