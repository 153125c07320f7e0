resource "aws_db_instance" "orders" {
  identifier              = "orders-db"
  engine                  = "postgres"
  engine_version          = "16.4"
  instance_class          = "db.m7g.large"
  allocated_storage       = 100
  storage_type            = "gp3"
  username                = "app"
  manage_master_user_password = true
  publicly_accessible     = true
  backup_retention_period = 0
  skip_final_snapshot     = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "Session cache"
  engine                     = "valkey"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = false
  transit_encryption_enabled = false
}
