// The generator lives with the rules library, whose random tests use it too.
export { seededRandom } from '@encounters/domain';
