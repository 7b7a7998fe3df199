import { getMunicipalities, getSamebyar } from '../../api/queries';
import { sortByName } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import type { AreaChoices } from './ActorForm';

/** Municipalities and samebyar an actor can belong to, and a way to name an area code. */
export function useAreaChoices(): AreaChoices & { areaName: (code: string) => string | undefined } {
  const areas = useApi(async () => {
    const [municipalities, samebyar] = await Promise.all([getMunicipalities(), getSamebyar()]);
    return { municipalities: sortByName(municipalities), samebyar: sortByName(samebyar) };
  }, []);
  const choices = areas.status === 'ok' ? areas.data : { municipalities: [], samebyar: [] };
  const areaName = (code: string) =>
    [...choices.municipalities, ...choices.samebyar].find((a) => a.code === code)?.name;
  return { ...choices, areaName };
}
