using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Orders;

public class OrderRepository
{
    private readonly IAmazonDynamoDB _client;

    public OrderRepository(IAmazonDynamoDB client)
    {
        _client = client;
    }

    public async Task<List<Dictionary<string, AttributeValue>>> ByStatusAsync(string status)
    {
        var request = new QueryRequest
        {
            TableName = "orders",
            IndexName = "status-index",
            KeyConditionExpression = "#s = :s",
            ConsistentRead = true,
        };
        var response = await _client.QueryAsync(request);
        return response.Items;
    }

    public async Task<List<Dictionary<string, AttributeValue>>> AllAsync()
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue> lastKey = null;
        do
        {
            var page = await _client.ScanAsync(new ScanRequest { TableName = "orders", ExclusiveStartKey = lastKey });
            items.AddRange(page.Items);
            lastKey = page.LastEvaluatedKey;
        } while (lastKey != null && lastKey.Count > 0);
        return items;
    }
}
