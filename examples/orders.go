package orders

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

type Repository struct {
	client *dynamodb.Client
	table  string
}

func (r *Repository) ByStatus(ctx context.Context, status string) ([]map[string]types.AttributeValue, error) {
	out, err := r.client.Query(ctx, &dynamodb.QueryInput{
		TableName:              aws.String(r.table),
		IndexName:              aws.String("status-index"),
		KeyConditionExpression: aws.String("#s = :s"),
		ConsistentRead:         aws.Bool(true),
	})
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}

func (r *Repository) All(ctx context.Context) ([]map[string]types.AttributeValue, error) {
	var items []map[string]types.AttributeValue
	paginator := dynamodb.NewScanPaginator(r.client, &dynamodb.ScanInput{TableName: aws.String(r.table)})
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		items = append(items, page.Items...)
	}
	return items, nil
}

func (r *Repository) FirstPage(ctx context.Context) ([]map[string]types.AttributeValue, error) {
	out, err := r.client.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String(r.table)})
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}
