using Portal.Web.Components.Shared;

namespace Portal.Tests.Components;

public sealed class EmptyStateTests
{
    [Fact]
    public async Task Empty_state_announces_its_message_as_status()
    {
        var html = await ComponentRenderer.RenderAsync<EmptyState>(new Dictionary<string, object?>
        {
            [nameof(EmptyState.Message)] = "今天没有分配给您的配送点。",
            [nameof(EmptyState.Icon)] = "inbox",
        });

        Assert.Contains("role=\"status\"", html);
        Assert.Contains("今天没有分配给您的配送点。", html);
    }
}
