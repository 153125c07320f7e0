import { Duration, RemovalPolicy, Stack, StackProps, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });

    new dynamodb.Table(this, 'Orders', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const db = new rds.DatabaseInstance(this, 'Db', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      publiclyAccessible: true,
      storageEncrypted: false,
      multiAz: false,
      backupRetention: Duration.days(7),
    });
    db.addProxy('Proxy', { secrets: [db.secret!], vpc });

    new rds.CfnDBInstance(this, 'Legacy', { dbInstanceClass: 'db.t4g.micro', engine: 'mysql', publiclyAccessible: true });
  }
}
