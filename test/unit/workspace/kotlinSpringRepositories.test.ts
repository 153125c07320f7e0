/**
 * Spring Data DynamoDB in Kotlin: a repository interface written with `:` and perhaps no body, its `fun` methods, an
 * entity whose properties are `val`/`var` (also in the primary constructor) with annotations that name a use-site
 * target (`@get:DynamoDBHashKey`), and services that take the repository in a constructor parameter, annotated or not.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const ENTITY = [
  'package shop.model',
  '',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBAttribute',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBIndexHashKey',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBRangeKey',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable',
  'import java.io.Serializable',
  '',
  '@DynamoDBTable(tableName = "parcels")',
  'data class Parcel(',
  '    @get:DynamoDBHashKey',
  '    var sender: String = "",',
  '    @get:DynamoDBIndexHashKey(globalSecondaryIndexName = "courier-index")',
  '    var courier: String? = null,',
  '    @get:DynamoDBAttribute',
  '    var status: String = "NEW",',
  ') : Serializable {',
  '    @DynamoDBRangeKey(attributeName = "sentAt")',
  '    fun getSentAt(): String = stamp',
  '',
  '    var stamp: String = ""',
  '}',
].join('\n');

const REPOSITORY = (body: boolean): string =>
  [
    'package shop.repository',
    '',
    'import org.socialsignin.spring.data.dynamodb.repository.EnableScan',
    'import org.springframework.data.repository.CrudRepository',
    'import shop.model.Parcel',
    '',
    '@EnableScan',
    ...(body
      ? ['interface ParcelRepository : CrudRepository<Parcel, String> {', '    fun findBySender(sender: String): List<Parcel>', '    fun findByCourier(courier: String): List<Parcel>', '    fun findByStatus(status: String): List<Parcel>', '}']
      : ['interface ParcelRepository : CrudRepository<Parcel, String>']),
  ].join('\n');

const SERVICE = [
  'package shop.service',
  '',
  'import org.springframework.beans.factory.annotation.Autowired',
  'import org.springframework.stereotype.Service',
  'import shop.repository.ParcelRepository',
  '',
  '@Service',
  'class ParcelService(@Autowired private val parcels: ParcelRepository) {',
  '    fun all() = parcels.findAll()',
  '    fun sentBy(sender: String) = parcels.findBySender(sender)',
  '    fun carriedBy(courier: String) = parcels.findByCourier(courier)',
  '    fun inState(status: String) = parcels.findByStatus(status)',
  '    fun forget(sender: String) = parcels.deleteById(sender)',
  '}',
].join('\n');

const FILES = (body: boolean): Record<string, string> => ({
  'src/main/kotlin/shop/model/Parcel.kt': ENTITY,
  'src/main/kotlin/shop/repository/ParcelRepository.kt': REPOSITORY(body),
  'src/main/kotlin/shop/service/ParcelService.kt': SERVICE,
});
const SERVICE_FILE = 'src/main/kotlin/shop/service/ParcelService.kt';

describe('Workspace: Spring Data DynamoDB repositories in Kotlin', () => {
  it('indexes a Kotlin repository interface, with a body or without, and an entity from its primary constructor and body', () => {
    assert.deepEqual(contributionOf('src/main/kotlin/shop/repository/ParcelRepository.kt', REPOSITORY(true))?.springRepositories, {
      ParcelRepository: {
        scan: true,
        entity: 'Parcel',
        entityCandidates: ['shop.model.Parcel'],
        methods: { findBySender: { scan: false, parameters: 1 }, findByCourier: { scan: false, parameters: 1 }, findByStatus: { scan: false, parameters: 1 } },
        package: 'shop.repository',
      },
    });
    assert.deepEqual(contributionOf('src/main/kotlin/shop/repository/ParcelRepository.kt', REPOSITORY(false))?.springRepositories?.ParcelRepository.methods, {});
    assert.deepEqual(contributionOf('src/main/kotlin/shop/model/Parcel.kt', ENTITY)?.springEntities, {
      Parcel: { properties: ['sender', 'courier', 'status', 'sentAt', 'stamp'], keys: { sender: 'hash', courier: 'index-hash', sentAt: 'range' }, hasRange: true, package: 'shop.model' },
    });
  });

  it('reads the calls of a service that takes the repository in an annotated constructor parameter', () => {
    // Sorted as text: line 9 last.
    assert.deepEqual(hintsOfFile(FILES(true), SERVICE_FILE), [
      '10:findBySender dynamodb-query',
      '11:findByCourier dynamodb-query',
      '12:findByStatus dynamodb-filter-expression',
      '12:findByStatus dynamodb-filter-expression!',
      '12:findByStatus dynamodb-scan',
      '13:deleteById dynamodb-delete-item',
      '13:deleteById dynamodb-get-item',
      '9:findAll dynamodb-scan',
    ]);
    // A body-less interface declares no derived queries: only the library's own methods are read.
    assert.deepEqual(hintsOfFile(FILES(false), SERVICE_FILE), ['13:deleteById dynamodb-delete-item', '13:deleteById dynamodb-get-item', '9:findAll dynamodb-scan']);
  });

  it('leaves an entity that extends a class alone, and a repository of another store', () => {
    const extended = ENTITY.replace(') : Serializable {', ') : Auditable(), Serializable {');
    assert.equal(contributionOf('src/main/kotlin/shop/model/Parcel.kt', extended)?.springEntities, undefined);
    const jpa = REPOSITORY(true).replace('import org.socialsignin.spring.data.dynamodb.repository.EnableScan\n', '').replace('@EnableScan\n', '');
    assert.deepEqual(hintsOfFile({ ...FILES(true), 'src/main/kotlin/shop/repository/ParcelRepository.kt': jpa }, SERVICE_FILE), []);
  });
});
