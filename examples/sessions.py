import time

import boto3
from boto3.dynamodb.conditions import Key

dynamodb = boto3.resource("dynamodb")
sessions = dynamodb.Table("sessions")


def active_sessions(user_id):
    # Query reads one partition; the paginator is not needed for small result sets but pages still end at 1 MB.
    response = sessions.query(KeyConditionExpression=Key("user_id").eq(user_id))
    return response["Items"]


def expire_all():
    # A full-table scan to find expired sessions: TTL deletes them for free instead.
    response = sessions.scan(FilterExpression="expires_at < :now", ExpressionAttributeValues={":now": int(time.time())})
    for item in response["Items"]:
        sessions.delete_item(Key={"user_id": item["user_id"], "session_id": item["session_id"]})
