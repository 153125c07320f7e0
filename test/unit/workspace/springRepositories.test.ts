/**
 * Workspace mode, Spring Data DynamoDB: repository interfaces sit in their own files and services of other files hold
 * them in fields. What a call sends is read from the interface (its `@EnableScan`, its declared methods) and, for a
 * derived query, from the keys of the entity class another file maps.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, copiedToThread, hintsInWorkspace, hintsOfFile, workspaceOf } from './support';

const ENTITY = [
  'package lib.model;',
  '',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBAttribute;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBIndexHashKey;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;',
  '',
  '@DynamoDBTable(tableName = "loans")',
  'public class Loan {',
  '    @DynamoDBHashKey',
  '    private String id;',
  '    @DynamoDBIndexHashKey(globalSecondaryIndexName = "member-index")',
  '    private String memberId;',
  '    @DynamoDBAttribute',
  '    private String copyId;',
  '    @DynamoDBAttribute',
  '    private String state;',
  '}',
].join('\n');

const REPOSITORY = (scan: boolean): string =>
  [
    'package lib.repository;',
    '',
    'import java.util.List;',
    'import java.util.Optional;',
    'import lib.model.Loan;',
    'import org.socialsignin.spring.data.dynamodb.repository.EnableScan;',
    'import org.springframework.data.repository.CrudRepository;',
    '',
    ...(scan ? ['@EnableScan'] : []),
    'public interface LoanRepository extends CrudRepository<Loan, String> {',
    '    Optional<Loan> findByCopyIdAndState(String copyId, String state);',
    '    List<Loan> findByMemberId(String memberId);',
    '}',
  ].join('\n');

const SERVICE = [
  'package lib.service;',
  '',
  'import lib.model.Loan;',
  'import lib.repository.LoanRepository;',
  'import org.springframework.stereotype.Service;',
  '',
  '@Service',
  'public class LoanService {',
  '    private final LoanRepository loanRepository;',
  '',
  '    public LoanService(LoanRepository loanRepository) {',
  '        this.loanRepository = loanRepository;',
  '    }',
  '',
  '    public Iterable<Loan> all() { return loanRepository.findAll(); }',
  '    public Loan one(String id) { return loanRepository.findById(id).orElseThrow(); }',
  '    public Loan open(String copyId) { return loanRepository.findByCopyIdAndState(copyId, "OPEN").orElse(null); }',
  '    public Iterable<Loan> ofMember(String memberId) { return loanRepository.findByMemberId(memberId); }',
  '    public Loan save(Loan loan) { return loanRepository.save(loan); }',
  '}',
].join('\n');

const FILES = (scan: boolean): Record<string, string> => ({
  'src/main/java/lib/model/Loan.java': ENTITY,
  'src/main/java/lib/repository/LoanRepository.java': REPOSITORY(scan),
  'src/main/java/lib/service/LoanService.java': SERVICE,
});
const SERVICE_FILE = 'src/main/java/lib/service/LoanService.java';

describe('Workspace: Spring Data DynamoDB repositories of other files', () => {
  it('indexes a repository interface with its scan permissions and methods, and a mapped entity with its keys', () => {
    assert.deepEqual(contributionOf('src/main/java/lib/repository/LoanRepository.java', REPOSITORY(true))?.springRepositories, {
      LoanRepository: {
        scan: true,
        entity: 'Loan',
        entityCandidates: ['lib.model.Loan'],
        methods: { findByCopyIdAndState: { scan: false, parameters: 2, optionalOf: 'Loan' }, findByMemberId: { scan: false, parameters: 1 } },
        package: 'lib.repository',
      },
    });
    assert.deepEqual(contributionOf('src/main/java/lib/model/Loan.java', ENTITY)?.springEntities, {
      Loan: { properties: ['id', 'memberId', 'copyId', 'state'], keys: { id: 'hash', memberId: 'index-hash' }, hasRange: false, package: 'lib.model' },
    });
    assert.equal(contributionOf('src/test/java/lib/repository/LoanRepository.java', REPOSITORY(true))?.springRepositories, undefined);
  });

  it('reads a service\'s calls: findAll as a Scan, findById as GetItem, a derived query on a plain attribute as a Scan with a filter, on an index hash key as a Query', () => {
    const expected = [
      '15:findAll dynamodb-scan',
      '16:findById dynamodb-get-item',
      '17:findByCopyIdAndState dynamodb-filter-expression',
      '17:findByCopyIdAndState dynamodb-filter-expression!',
      '17:findByCopyIdAndState dynamodb-scan',
      '18:findByMemberId dynamodb-query',
    ];
    assert.deepEqual(hintsOfFile(FILES(true), SERVICE_FILE), expected);
    // The CLI's worker threads read the same model.
    assert.deepEqual(hintsInWorkspace(copiedToThread(workspaceOf(FILES(true))), SERVICE_FILE, SERVICE), expected);
  });

  it('reads the entity an Optional finder of another file\'s repository returns: its save, changed, is a read-modify-write', () => {
    const closing = SERVICE.replace(
      '    public Loan save(Loan loan) { return loanRepository.save(loan); }',
      [
        '    public void close(String copyId) {',
        '        Optional<Loan> found = loanRepository.findByCopyIdAndState(copyId, "OPEN");',
        '        found.get().setState("CLOSED");',
        '        loanRepository.save(found.get());', // 23 (after the added import)
        '    }',
      ].join('\n'),
    ).replace('import lib.model.Loan;', 'import java.util.Optional;\nimport lib.model.Loan;');
    const files = { ...FILES(true), [SERVICE_FILE]: closing };
    assert.deepEqual(hintsOfFile(files, SERVICE_FILE).filter((hint) => hint.includes('read-modify-write')), ['23:save dynamodb-read-modify-write', '23:save dynamodb-read-modify-write!']);
  });

  it('says nothing for a CrudRepository without the library\'s annotations (any store\'s), alone, or for a name two files declare that the file does not resolve', () => {
    assert.deepEqual(hintsOfFile(FILES(false), SERVICE_FILE), []);
    assert.deepEqual(hintsOfFile(FILES(true), SERVICE_FILE, null), []);
    const twice = { ...FILES(true), 'src/main/java/lib/other/LoanRepository.java': REPOSITORY(true).replace('package lib.repository;', 'package lib.other;') };
    // Without the import, the simple name alone stands for either.
    assert.deepEqual(hintsOfFile({ ...twice, [SERVICE_FILE]: SERVICE.replace('import lib.repository.LoanRepository;\n', '') }, SERVICE_FILE), []);
  });

  it('reads a plain CrudRepository where an @EnableDynamoDBRepositories names its package or one above it, or sits in its package, with no filters and a mapped entity', () => {
    const config = (annotation: string, pkg = 'lib.config'): string =>
      [
        `package ${pkg};`,
        '',
        'import org.socialsignin.spring.data.dynamodb.repository.config.EnableDynamoDBRepositories;',
        'import org.springframework.context.annotation.Configuration;',
        '',
        '@Configuration',
        annotation,
        'public class DynamoConfig {',
        '}',
      ].join('\n');
    const CONFIG_FILE = 'src/main/java/lib/config/DynamoConfig.java';
    // No @EnableScan: findAll throws before any request; findById loads, the index-hash query is a Query.
    const expected = ['16:findById dynamodb-get-item', '18:findByMemberId dynamodb-query'];
    assert.deepEqual(contributionOf(CONFIG_FILE, config('@EnableDynamoDBRepositories(basePackages = {"lib.repository", "lib.other"})'))?.springRepositoryPackages, ['lib.repository', 'lib.other']);
    assert.deepEqual(hintsOfFile({ ...FILES(false), [CONFIG_FILE]: config('@EnableDynamoDBRepositories(basePackages = "lib.repository")') }, SERVICE_FILE), expected);
    assert.deepEqual(hintsOfFile({ ...FILES(false), [CONFIG_FILE]: config('@EnableDynamoDBRepositories("lib")') }, SERVICE_FILE), expected);
    // No package named: the configuration's own, here the root of the application.
    assert.deepEqual(hintsOfFile({ ...FILES(false), 'src/main/java/lib/DynamoConfig.java': config('@EnableDynamoDBRepositories(dynamoDBMapperConfigRef = "mapperConfig")', 'lib') }, SERVICE_FILE), expected);
    // Another package, a sibling whose name only starts the same, packages given by class: the repository stays any store's.
    const filtered = '@EnableDynamoDBRepositories(basePackages = "lib", includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {DeviceRepository.class}))';
    for (const annotation of ['@EnableDynamoDBRepositories(basePackages = "lib.archive")', '@EnableDynamoDBRepositories("lib.repo")', '@EnableDynamoDBRepositories(basePackageClasses = LoanRepository.class)', filtered]) {
      assert.deepEqual(hintsOfFile({ ...FILES(false), [CONFIG_FILE]: config(annotation) }, SERVICE_FILE), [], annotation);
    }
    assert.deepEqual(hintsOfFile({ ...FILES(false), [CONFIG_FILE]: config('@EnableDynamoDBRepositories') }, SERVICE_FILE), []);
    // Its entity a JPA `@Entity`, not a mapped class: another store's repository in the enabled package.
    const jpaEntity = ENTITY.replace('@DynamoDBTable(tableName = "loans")', '@jakarta.persistence.Entity');
    assert.deepEqual(hintsOfFile({ ...FILES(false), 'src/main/java/lib/model/Loan.java': jpaEntity, [CONFIG_FILE]: config('@EnableDynamoDBRepositories("lib")') }, SERVICE_FILE), []);
  });

  it('tells apart repositories and entities of the same simple name in two packages, as Java resolves the name', () => {
    const otherEntity = ENTITY.replace('package lib.model;', 'package lib.archive;').replace('@DynamoDBIndexHashKey(globalSecondaryIndexName = "member-index")', '@DynamoDBAttribute');
    const otherRepository = REPOSITORY(false)
      .replace('package lib.repository;', 'package lib.archive;')
      .replace('import lib.model.Loan;\n', '')
      .replace('import org.socialsignin.spring.data.dynamodb.repository.EnableScan;', 'import org.socialsignin.spring.data.dynamodb.repository.DynamoDBCrudRepository;')
      .replace('extends CrudRepository<Loan, String>', 'extends DynamoDBCrudRepository<Loan, String>');
    const archiveService = SERVICE.replace('package lib.service;', 'package lib.archive;').replace('import lib.model.Loan;\n', '').replace('import lib.repository.LoanRepository;\n', '');
    const files = {
      ...FILES(true),
      'src/main/java/lib/archive/Loan.java': otherEntity,
      'src/main/java/lib/archive/LoanRepository.java': otherRepository,
      'src/main/java/lib/archive/LoanService.java': archiveService,
    };
    // The import names the scanning repository, whose entity's memberId is an index hash key.
    assert.deepEqual(hintsOfFile(files, SERVICE_FILE), [
      '15:findAll dynamodb-scan',
      '16:findById dynamodb-get-item',
      '17:findByCopyIdAndState dynamodb-filter-expression',
      '17:findByCopyIdAndState dynamodb-filter-expression!',
      '17:findByCopyIdAndState dynamodb-scan',
      '18:findByMemberId dynamodb-query',
    ]);
    // The archive's own package: a repository that enables no scan, whose entity's memberId is a plain attribute.
    assert.deepEqual(hintsOfFile(files, 'src/main/java/lib/archive/LoanService.java'), ['14:findById dynamodb-get-item']);
  });

  it('reads a repository and entity that two modules of one build each copy alike, and stays silent where the copies differ', () => {
    const inModule = (module: string, files: Record<string, string>): Record<string, string> =>
      Object.fromEntries(Object.entries(files).map(([file, text]) => [`${module}/${file}`, text]));
    // Two services of a monorepo, each with its own copy of the shared model and repository, in the same packages.
    const copied = { ...inModule('loans-svc', FILES(true)), ...inModule('members-svc', { 'src/main/java/lib/model/Loan.java': ENTITY, 'src/main/java/lib/repository/LoanRepository.java': REPOSITORY(true) }) };
    const expected = [
      '15:findAll dynamodb-scan',
      '16:findById dynamodb-get-item',
      '17:findByCopyIdAndState dynamodb-filter-expression',
      '17:findByCopyIdAndState dynamodb-filter-expression!',
      '17:findByCopyIdAndState dynamodb-scan',
      '18:findByMemberId dynamodb-query',
    ];
    assert.deepEqual(hintsOfFile(copied, `loans-svc/${SERVICE_FILE}`), expected);
    // The other module's copy declares another method: which copy Spring uses depends on the module, so nothing is said.
    const grown = REPOSITORY(true).replace('List<Loan> findByMemberId(String memberId);', 'List<Loan> findByMemberId(String memberId);\n    long countByState(String state);');
    const differing = { ...copied, 'members-svc/src/main/java/lib/repository/LoanRepository.java': grown };
    assert.deepEqual(hintsOfFile(differing, `loans-svc/${SERVICE_FILE}`), []);
  });

  it('leaves a JPA repository of another file alone, and an entity it cannot see keeps derived queries silent', () => {
    const jpa = REPOSITORY(false).replace('import org.socialsignin.spring.data.dynamodb.repository.EnableScan;', 'import org.springframework.data.jpa.repository.JpaRepository;');
    // Kept for a configuration that enables DynamoDB repositories in its package, and silent without one.
    assert.equal(contributionOf('src/main/java/lib/repository/LoanRepository.java', jpa)?.springRepositories?.LoanRepository.needsEnabling, true);
    assert.deepEqual(hintsOfFile({ ...FILES(false), 'src/main/java/lib/repository/LoanRepository.java': jpa }, SERVICE_FILE), []);
    const noEntity = { 'src/main/java/lib/repository/LoanRepository.java': REPOSITORY(true), [SERVICE_FILE]: SERVICE };
    assert.deepEqual(hintsOfFile(noEntity, SERVICE_FILE), ['15:findAll dynamodb-scan', '16:findById dynamodb-get-item']);
  });
});
