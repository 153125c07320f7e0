package com.example.orders;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

public class OrderRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OrderRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public List<Map<String, AttributeValue>> byStatus(String status) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .indexName("status-index")
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status)))
                .consistentRead(true)
                .build();
        QueryResponse response = dynamoDb.query(request);
        return response.items();
    }

    public List<Map<String, AttributeValue>> everything() {
        return dynamoDb.scan(ScanRequest.builder().tableName(tableName).build()).items();
    }

    public long countAll() {
        return dynamoDb.scanPaginator(ScanRequest.builder().tableName(tableName).build())
                .stream()
                .mapToLong(page -> page.count())
                .sum();
    }
}
